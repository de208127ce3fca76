"""`{% render_panel panel %}`: a panel's template with the page's context and the panel's own."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def render_panel(context, panel):
    panel_template = context.template.engine.get_template(panel.template_name)
    with context.push(panel=panel, **panel.context):
        return panel_template.render(context)
