app_name = "downloads"

urlpatterns = []
