"""Every main page type, in both languages: accessible, usable on a phone, Hangul visible."""

import pytest

from .browser import LANGUAGES, PAGE_KINDS, PHONE, axe_violations, describe_violations, open_ok

pytestmark = [pytest.mark.e2e, pytest.mark.django_db]

PHONE_WIDTH = PHONE["viewport"]["width"]
EACH_PAGE = pytest.mark.parametrize(
    ("kind", "language"), [(kind, language) for kind in PAGE_KINDS for language in LANGUAGES]
)


@EACH_PAGE
def test_page_has_no_serious_accessibility_violation(page, site_content, kind, language):
    path = site_content.url(kind, language)
    open_ok(page, path)

    violations = axe_violations(page)

    assert not violations, f"axe-core on {path}:\n{describe_violations(violations)}"


@EACH_PAGE
def test_page_fits_a_phone_screen(phone_page, site_content, kind, language):
    path = site_content.url(kind, language)
    open_ok(phone_page, path)

    widths = phone_page.evaluate(
        """() => {
            const wider = [...document.querySelectorAll('body *')]
                .filter(el => el.getBoundingClientRect().right > 376)
                .slice(-5)
                .map(el => `${el.tagName.toLowerCase()}${el.className ? '.' + el.className : ''}`
                           + ` right=${Math.round(el.getBoundingClientRect().right)}`);
            return {scroll: document.documentElement.scrollWidth, inner: window.innerWidth, wider};
        }"""
    )

    # A phone shrinks a page that is too wide until it fits, so innerWidth grows with the page:
    # the width it must keep is the phone's own.
    assert widths["scroll"] <= PHONE_WIDTH and widths["inner"] == PHONE_WIDTH, (
        f"{path} is {widths['scroll']}px wide on a {PHONE_WIDTH}px phone"
        f" (window.innerWidth {widths['inner']}); the widest elements: {widths['wider']}"
    )


def test_hangul_is_drawn_with_real_glyphs(page, site_content):
    """Missing Korean fonts draw every syllable as the same empty box ("tofu"): two different
    syllables drawn in the page's own font must differ."""
    open_ok(page, site_content.url("home", "ko"))

    drawn = page.evaluate(
        """() => {
            const font = `32px ${getComputedStyle(document.body).fontFamily}`;
            const draw = text => {
                const canvas = document.createElement('canvas');
                canvas.width = 48; canvas.height = 48;
                const context = canvas.getContext('2d');
                context.font = font;
                context.fillText(text, 4, 36);
                return Array.from(context.getImageData(0, 0, 48, 48).data).join(',');
            };
            return {font, same: draw('한') === draw('국'), blank: draw('한') === draw(' ')};
        }"""
    )

    assert not drawn["blank"], f"Hangul draws nothing in {drawn['font']}"
    assert not drawn["same"], f"Hangul draws as empty boxes in {drawn['font']}: install fonts-nanum"


def test_pages_break_no_content_security_policy_rule(page, site_content):
    """The strict policy of public pages blocks nothing they use: no inline script or style,
    only the video sites' players framed. (The player itself is refused by the tests' network
    routing, which Chromium does not report as a policy violation.)"""
    messages = []
    page.on("console", lambda message: messages.append(f"{message.type}: {message.text}"))
    paths = [
        site_content.url("home", "ko"),
        next(iter(site_content.policies_with_results)),
        site_content.youtube_video_url,
    ]

    for path in paths:
        response = open_ok(page, path)
        assert "script-src 'self';" in response.headers["content-security-policy"]
        page.wait_for_load_state("networkidle")

    violations = [m for m in messages if "Content Security Policy" in m]
    assert not violations, "\n".join(violations)
    assert not [m for m in messages if "Permissions-Policy" in m], messages
