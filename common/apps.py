from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "common"
    verbose_name = "Gemeinsame Helfer"

    def ready(self):
        from . import own_mail

        # "Meine Beiträge" lists the mails sent to a mailbox and erases them with it.
        own_mail.register()
