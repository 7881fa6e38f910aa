"""Turn the address of a video on a video site into its player address, without asking the
site (no oEmbed call: the portal must render even when the video site is unreachable)."""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlparse

_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
_VIMEO_ID = re.compile(r"^\d{6,12}$")


@dataclass(frozen=True)
class VideoSource:
    provider: str
    video_id: str

    @property
    def embed_url(self):
        if self.provider == "youtube":
            # The no-cookie domain sets no tracking cookie until the visitor plays the video.
            return f"https://www.youtube-nocookie.com/embed/{self.video_id}"
        return f"https://player.vimeo.com/video/{self.video_id}?dnt=1"

    @property
    def watch_url(self):
        if self.provider == "youtube":
            return f"https://www.youtube.com/watch?v={self.video_id}"
        return f"https://vimeo.com/{self.video_id}"


def parse_video_url(url):
    """Return the :class:`VideoSource` of a YouTube or Vimeo address, or ``None``."""
    parsed = urlparse(url or "")
    host = (parsed.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    parts = [p for p in parsed.path.split("/") if p]
    candidate = None
    if host == "youtu.be" and parts:
        candidate = parts[0]
    elif host in {"youtube.com", "youtube-nocookie.com"}:
        if parts[:1] == ["watch"] or not parts:
            candidate = parse_qs(parsed.query).get("v", [None])[0]
        elif len(parts) >= 2 and parts[0] in {"embed", "shorts", "live", "v"}:
            candidate = parts[1]
    if candidate and _YOUTUBE_ID.match(candidate):
        return VideoSource("youtube", candidate)
    if host in {"vimeo.com", "player.vimeo.com"} and parts and _VIMEO_ID.match(parts[-1]):
        return VideoSource("vimeo", parts[-1])
    return None
