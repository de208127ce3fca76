"""The follow-up's charts: one pygal bar chart per figure table, drawn server-side as SVG and
served from its own address as an image (the page beside it has the same figures as a
table). The SVG has no script: pygal's own scripts are turned off."""

import pygal
from pygal.style import Style

# Colours with enough contrast against white, in the order of the table's columns.
STYLE = Style(
    background="white",
    plot_background="white",
    foreground="#212529",
    foreground_strong="#212529",
    foreground_subtle="#495057",
    colors=("#0b5394", "#b45f06", "#38761d", "#741b47", "#134f5c", "#7f6000"),
    font_family="system-ui, sans-serif",
)


def numeric_columns(table):
    """The indexes of the table's columns that hold numbers (not texts like "Ja")."""
    columns = range(len(table.headers) - 1)
    return [
        i
        for i in columns
        if any(row.cells[i].value is not None for row in table.rows)
        and all(row.cells[i].value is not None or row.cells[i].text == "–" for row in table.rows)
    ]


def bar_chart_svg(table, *, title):
    """The table as a bar chart: a group of bars per row, one series per numeric column."""
    chart = pygal.Bar(
        js=[],
        style=STYLE,
        disable_xml_declaration=True,
        width=800,
        height=420,
        legend_at_bottom=True,
        x_label_rotation=20 if len(table.rows) > 3 else 0,
        print_values=False,
        show_y_guides=True,
        no_data_text="",
    )
    chart.title = title
    chart.x_labels = [row.label.text for row in table.rows]
    for i in numeric_columns(table):
        chart.add(table.headers[i + 1], [row.cells[i].value for row in table.rows])
    return chart.render(is_unicode=True)
