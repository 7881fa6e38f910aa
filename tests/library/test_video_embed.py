import pytest

from policyshare.library.video_embed import parse_video_url


@pytest.mark.parametrize(
    "url",
    [
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://youtube.com/watch?v=dQw4w9WgXcQ&t=42s",
        "https://m.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://youtu.be/dQw4w9WgXcQ",
        "https://www.youtube.com/embed/dQw4w9WgXcQ",
        "https://www.youtube.com/shorts/dQw4w9WgXcQ",
    ],
)
def test_youtube_addresses_become_the_no_cookie_player(url):
    source = parse_video_url(url)

    assert source.embed_url == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
    assert source.watch_url == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"


def test_vimeo_address_becomes_its_player():
    source = parse_video_url("https://vimeo.com/76979871")

    assert source.embed_url == "https://player.vimeo.com/video/76979871?dnt=1"
    assert source.watch_url == "https://vimeo.com/76979871"


@pytest.mark.parametrize(
    "url",
    [
        "",
        "not a url",
        "https://example.com/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com/watch?v=short",
        'https://www.youtube.com/watch?v=dQw4w9WgXcQ"><script>',
        "javascript:alert(1)",
    ],
)
def test_other_addresses_are_refused(url):
    assert parse_video_url(url) is None
