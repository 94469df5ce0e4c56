"""Our configs for third-party apps: German names in the admin, and the admin's own hook.

The packages set English, untranslatable verbose names ("Comments Xtd",
"Django_Comments"); INSTALLED_APPS lists these configs instead. Labels, tables
and the packages' behaviour stay the same.
"""

from django.contrib.admin.apps import AdminConfig as DjangoAdminConfig
from django_comments.apps import DjangoCommentsAdminConfig
from django_comments_xtd.apps import CommentsXtdConfig


class CommentsConfig(DjangoCommentsAdminConfig):
    verbose_name = "Kommentarmarkierungen"


class GermanCommentsXtdConfig(CommentsXtdConfig):
    verbose_name = "Kommentare"


class AdminConfig(DjangoAdminConfig):
    """The admin, plus the comment switches on every commentable model's page.

    Content apps make models commentable in their ready() (dialog/registration.py);
    only after autodiscovery are all their ModelAdmins there to receive the inline.
    The site itself asks staff for the second factor (strategy_site/staff_auth.py).
    """

    default_site = "strategy_site.staff_auth.StaffAdminSite"

    def ready(self):
        super().ready()
        from django.contrib import admin

        from dialog.registration import attach_admin_switches

        attach_admin_switches(admin.site)
