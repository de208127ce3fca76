"""The public page that checks a file or a SHA-256 against the sealed minutes."""

from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from .. import sealing, selectors
from ..forms import VERIFY_MAX_BYTES, SealVerifyForm

TEMPLATE = "meetings/minutes_verify.html"


class _SizeLimit(FileUploadHandler):
    """Stops reading a file past the limit (the form then says it is too large)."""

    def receive_data_chunk(self, raw_data, start):
        if start + len(raw_data) > VERIFY_MAX_BYTES:
            self.request.upload_too_large = True
            raise SkipFile
        return raw_data

    def file_complete(self, file_size):
        return None


def _page(request, form, *, status=200, **context):
    return render(request, TEMPLATE, {"form": form, **context}, status=status)


def _too_large(request):
    refusal = _("The file is larger than 20 MB: it is not minutes.")
    return _page(request, SealVerifyForm(), status=413, refusal=refusal)


@csrf_exempt
def minutes_verify(request):
    """No login: anyone holding minutes' PDF, or a hash of it, learns whether it is sealed
    minutes, which, and approved by whom and when. The upload is limited in size before it
    is read (the length the browser declares, then while it is read)."""
    if request.method == "POST":
        declared = request.META.get("CONTENT_LENGTH") or "0"
        if declared.isascii() and declared.isdigit() and int(declared) > VERIFY_MAX_BYTES + 65536:
            return _too_large(request)
        request.upload_handlers.insert(0, _SizeLimit(request))
    return _verify(request)


@csrf_protect
def _verify(request):
    if request.method != "POST":
        return _page(request, SealVerifyForm())
    form = SealVerifyForm(request.POST, request.FILES)
    if getattr(request, "upload_too_large", False):
        return _too_large(request)
    if not form.is_valid():
        return _page(request, form)
    digest = form.cleaned_data["sha256"]
    seal = selectors.minutes_seal_find(digest)
    return _page(
        request,
        SealVerifyForm(),
        checked=True,
        digest=digest,
        kind=form.cleaned_data["kind"],
        seal=seal,
        summary=sealing.seal_summary(seal) if seal else None,
        matched_pdf=seal is not None and seal.pdf_sha256 == digest,
    )
