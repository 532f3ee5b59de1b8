"""Private files: folders under MEDIA_ROOT without a public URL, served only by views that check
permissions."""
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.functional import cached_property


class PrivateFolderStorage(FileSystemStorage):
    """``MEDIA_ROOT/<folder>``, resolved when first used rather than when the models load, so a
    changed MEDIA_ROOT takes effect as it does for the default storage (Django resets these
    properties on ``setting_changed``); each test keeps its files in its own folder."""

    def __init__(self, folder, **kwargs):
        self.folder = folder
        super().__init__(base_url=None, **kwargs)

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, Path(settings.MEDIA_ROOT) / self.folder)
