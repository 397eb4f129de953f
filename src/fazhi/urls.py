from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from fazhi.accounts.views import ChangePasswordView, FazhiLoginView
from fazhi.web import views as web

admin.site.site_header = "法治政府建设工作平台 · 系统管理"
admin.site.site_title = "系统管理"
admin.site.index_title = "单位、人员、角色与工作日历"

urlpatterns = [
    path("", web.dashboard, name="dashboard"),
    path("login/", FazhiLoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/", ChangePasswordView.as_view(), name="password_change"),
    path(
        "password/done/",
        auth_views.PasswordChangeDoneView.as_view(template_name="web/password_change_done.html"),
        name="password_change_done",
    ),
    path("s/<slug:key>/", web.section, name="section"),
    path("organisations/<int:pk>/", web.organisation_detail, name="organisation"),
    path("laws/", include("fazhi.laws.urls")),
    path("review/", include("fazhi.prereview.urls")),
    path("audit/", web.audit_log, name="audit_log"),
    path("audit/export.csv", web.audit_export, name="audit_export"),
    path("admin/", admin.site.urls),
    path("api/v1/", include("fazhi.api.urls")),
    path("documents/", include("fazhi.documents.urls")),
    path("public/", include("fazhi.documents.public_urls")),
]

handler400 = "fazhi.web.views.bad_request"
handler403 = "fazhi.web.views.permission_denied"
handler404 = "fazhi.web.views.page_not_found"
handler500 = "fazhi.web.views.server_error"
