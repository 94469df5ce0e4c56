from django.apps import AppConfig


class RichtextConfig(AppConfig):
    name = "richtext"
    verbose_name = "Formatierter Text"
