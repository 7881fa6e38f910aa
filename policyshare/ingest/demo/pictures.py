"""Logos, covers and brochure PDFs drawn with Pillow. Text is Latin only: Pillow's built-in font
has no Hangul, and the demo must draw the same on a machine without Korean fonts."""

import io
import textwrap

from PIL import Image, ImageDraw, ImageFont

WHITE = "#ffffff"
A4_AT_72_DPI = (595, 842)


def card_png(picture):
    """A rounded card in the picture's colour with its lines and label in white, as PNG."""
    image = _card(picture)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def brochure_pdf(pdf, cover):
    """The PDF of ``pdf``: the cover card centred on the first page, the paragraphs on the
    second."""
    first = Image.new("RGB", A4_AT_72_DPI, WHITE)
    card = _card(cover).convert("RGB")
    first.paste(card, ((A4_AT_72_DPI[0] - card.width) // 2, (A4_AT_72_DPI[1] - card.height) // 2))
    second = Image.new("RGB", A4_AT_72_DPI, WHITE)
    draw = ImageDraw.Draw(second)
    font = ImageFont.load_default(size=16)
    y = 72
    for paragraph in pdf.paragraphs:
        for line in textwrap.wrap(paragraph, width=58):
            draw.text((72, y), line, fill="#222222", font=font)
            y += 24
        y += 16
    buffer = io.BytesIO()
    first.save(buffer, "PDF", save_all=True, append_images=[second], title=pdf.title)
    return buffer.getvalue()


def _card(picture):
    width, height = picture.size
    image = Image.new("RGBA", picture.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle(
        (0, 0, width - 1, height - 1), radius=min(width, height) // 8, fill=picture.colour
    )
    if picture.lines:
        font = _fitting_font(draw, max(picture.lines, key=len), width * 0.8, width // 8)
        y = height // 6
        for line in picture.lines:
            draw.text((width // 2, y), line, fill=WHITE, font=font, anchor="mt")
            y += font.size * 3 // 2
        font = _fitting_font(draw, picture.label, width * 0.8, width // 12)
        draw.text(
            (width // 2, height - height // 8), picture.label, fill=WHITE, font=font, anchor="mb"
        )
    else:
        font = _fitting_font(draw, picture.label, width * 0.8, height // 3)
        draw.text((width // 2, height // 2), picture.label, fill=WHITE, font=font, anchor="mm")
    return image


def _fitting_font(draw, text, max_width, size):
    """The default font at ``size``, or smaller until ``text`` fits in ``max_width``."""
    font = ImageFont.load_default(size=size)
    while size > 8 and draw.textlength(text, font=font) > max_width:
        size -= 2
        font = ImageFont.load_default(size=size)
    return font
