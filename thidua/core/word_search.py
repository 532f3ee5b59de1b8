"""Word-prefix search on normalised text: every word of the query must begin a word of the text
("le ha" finds Lê Thị Hà and Lê Hải, not Thanh Lê; "ng van" finds Nguyễn Văn …).

The text is already normalised (``core.text.normalize``: lower case, no diacritics, đ → d).
Here each word is a regular expression anchored at a word start (SQLite); a database with an
index for it says so in a subclass (people on PostgreSQL: ``organizations.search_keys``).
"""
import re

from django.db.models import BooleanField, F, Q
from django.db.models.expressions import Expression

from .text import normalize

# A word as PostgreSQL cuts it: letters and digits; "_" and punctuation separate words
# ("Tân-Phú" is "tan" and "phu").
_WORD = re.compile(r"[^\W_]+")


def query_words(query):
    """The normalised words of a search box query, as the index cuts them."""
    return _WORD.findall(normalize(query))


class WordPrefixes(Expression):
    """True where every one of ``words`` starts a word of the text column ``field``."""

    conditional = True
    output_field = BooleanField()

    def __init__(self, words, field="search_text"):
        super().__init__()
        self.words, self.text = list(words), F(field)

    def get_source_expressions(self):
        return [self.text]

    def set_source_expressions(self, exprs):
        (self.text,) = exprs

    def resolve_expression(self, query=None, allow_joins=True, reuse=None, summarize=False,
                           for_save=False):
        resolved = self.copy()
        resolved.set_source_expressions([expression.resolve_expression(
            query, allow_joins, reuse, summarize) for expression in self.get_source_expressions()])
        return resolved

    def as_sql(self, compiler, connection):
        column, params = compiler.compile(self.text)
        patterns = [rf"(^|[\W_]){re.escape(word)}" for word in self.words]
        sql = " AND ".join(f"{column} REGEXP %s" for _ in patterns)
        return f"({sql})", [value for pattern in patterns for value in (*params, pattern)]


def word_prefix_q(query, expression=WordPrefixes):
    """A Q for ``query``'s words as word prefixes (``expression``); Q() for an empty query."""
    words = query_words(query)
    return Q(expression(words)) if words else Q()

