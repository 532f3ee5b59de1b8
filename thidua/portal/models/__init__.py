from .comments import Comment, CommentStatus
from .content import (
                      Article,
                      ArticleKind,
                      ArticleStatus,
                      Category,
                      DocumentGroup,
                      DocumentStatus,
                      GalleryItem,
                      GalleryKind,
                      LegalDocument,
                      Question,
)
from .honour import HonourEntry
from .sites import Site
from .stats import VisitDay

__all__ = [
    "Article", "ArticleKind", "ArticleStatus", "Category", "Comment", "CommentStatus",
    "DocumentGroup", "DocumentStatus", "GalleryItem", "GalleryKind", "HonourEntry",
    "LegalDocument", "Question", "Site", "VisitDay",
]
