"""The rows of the admin's horizontal bar chart (templates/core/admin/bar_chart.html), drawn on
the server for the analytics and inquiry reports."""

# The widest bar, in pixels: the template's `bar_width`.
BAR_WIDTH = 200


def bars(counts):
    """``(label, count)`` pairs with the width of each bar, the longest as wide as the chart."""
    highest = max((count for _label, count in counts), default=0) or 1
    return [
        {"label": label, "count": count, "width": round(BAR_WIDTH * count / highest)}
        for label, count in counts
    ]
