"""Seoul's area and programme names that Kiwi would otherwise split or misread; editors add
more under Snippets → Search dictionary words."""

from django.db import migrations

WORDS = [
    ("녹색교통지역", ""),
    ("한양도성", "한양 도성"),
    ("서울로7017", ""),
    ("따릉이", ""),
    ("청계천", ""),
]


def add_words(apps, schema_editor):
    DictionaryWord = apps.get_model("search", "DictionaryWord")
    for form, parts in WORDS:
        DictionaryWord.objects.get_or_create(form=form, defaults={"parts": parts})


def remove_words(apps, schema_editor):
    DictionaryWord = apps.get_model("search", "DictionaryWord")
    DictionaryWord.objects.filter(form__in=[form for form, _ in WORDS]).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0002_fulltext")]

    operations = [migrations.RunPython(add_words, remove_words)]
