from django.contrib.auth import views as auth
from django.urls import path, reverse_lazy

from .views import ProfileView, TwoFactorSetupView, TwoFactorVerifyView

app_name = "accounts"
urlpatterns = [
    path("dang-nhap/", auth.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("dang-xuat/", auth.LogoutView.as_view(), name="logout"),
    path("tai-khoan/", ProfileView.as_view(), name="profile"),
    path("xac-thuc-hai-buoc/", TwoFactorVerifyView.as_view(), name="two_factor_verify"),
    path("xac-thuc-hai-buoc/bat/", TwoFactorSetupView.as_view(), name="two_factor_setup"),
    path("doi-mat-khau/", auth.PasswordChangeView.as_view(
        success_url=reverse_lazy("accounts:password_change_done")), name="password_change"),
    path("doi-mat-khau/xong/", auth.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("quen-mat-khau/", auth.PasswordResetView.as_view(
        success_url=reverse_lazy("accounts:password_reset_done"),
        email_template_name="registration/password_reset_email.txt"), name="password_reset"),
    path("quen-mat-khau/da-gui/", auth.PasswordResetDoneView.as_view(),
         name="password_reset_done"),
    path("dat-lai-mat-khau/<uidb64>/<token>/", auth.PasswordResetConfirmView.as_view(
        success_url=reverse_lazy("accounts:password_reset_complete")),
        name="password_reset_confirm"),
    path("dat-lai-mat-khau/xong/", auth.PasswordResetCompleteView.as_view(),
         name="password_reset_complete"),
]
