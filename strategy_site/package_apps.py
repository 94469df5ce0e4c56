"""German names for third-party apps in the admin.

The packages set English, untranslatable verbose names ("Comments Xtd",
"Django_Comments"); INSTALLED_APPS lists these configs instead. Labels, tables
and the packages' behaviour stay the same.
"""

from django_comments.apps import DjangoCommentsAdminConfig
from django_comments_xtd.apps import CommentsXtdConfig


class CommentsConfig(DjangoCommentsAdminConfig):
    verbose_name = "Kommentarmarkierungen"


class GermanCommentsXtdConfig(CommentsXtdConfig):
    verbose_name = "Kommentare"
