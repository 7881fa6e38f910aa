from django_tasks import task

from . import store


@task()
def embed_page(page_id: int) -> bool:
    """Embed a published page's passages (the model runs here, in the worker, never in the
    editor's request); True when its text had changed."""
    return store.index_page(page_id)
