"""Editors' rich text is cleaned with nh3 on save: formatting, links, images and tables stay;
scripts, event handlers, styles and javascript: links go."""
import nh3

TAGS = {
    "p", "br", "hr", "strong", "b", "em", "i", "u", "s", "sub", "sup", "blockquote", "pre", "code",
    "h2", "h3", "h4", "ul", "ol", "li", "a", "img", "figure", "figcaption", "table", "thead",
    "tbody", "tr", "th", "td", "caption",
}
ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
}


def clean_html(html):
    return nh3.clean(html or "", tags=TAGS, attributes=ATTRIBUTES,
                     url_schemes={"http", "https", "mailto"}, link_rel="noopener noreferrer")
