from django.apps import AppConfig


class BlogConfig(AppConfig):
    name = "blog"
    verbose_name = "Blog"

    def ready(self):
        from dialog import commentable

        from .comments import policy
        from .models import Post

        commentable.register(Post, policy=policy())
