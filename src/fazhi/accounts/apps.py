from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class AccountsConfig(AppConfig):
    name = "fazhi.accounts"
    label = "accounts"
    verbose_name = "组织与人员"

    def ready(self) -> None:
        from .models import Membership
        from .signals import sync_admin_flags

        post_save.connect(sync_admin_flags, sender=Membership, dispatch_uid="fazhi_sync_admin")
        post_delete.connect(sync_admin_flags, sender=Membership, dispatch_uid="fazhi_sync_admin_del")
