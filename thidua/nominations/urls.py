app_name = "nominations"
urlpatterns = []
