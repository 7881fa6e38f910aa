"""The OAI-PMH endpoint: six verbs, the protocol's error codes, paging by resumption token.

Tokens are signed and carry the whole request plus the position after the last record sent
(datestamp and page id), so paging needs no state on the server and records published while a
harvest runs are neither skipped nor repeated. Errors are answered with HTTP 200, as the
protocol requires."""

import datetime
import re

from django.conf import settings
from django.core import signing
from django.db.models import Min, Q
from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from lxml import etree

from policyshare.security.ratelimit import ratelimit

from . import records
from .models import DeletedRecord

PAGE_SIZE = 50
OAI_NS = "http://www.openarchives.org/OAI/2.0/"
OAI_DC_NS = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC_NS = "http://purl.org/dc/elements/1.1/"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
XML_NS = "http://www.w3.org/XML/1998/namespace"
METADATA_FORMATS = {
    "oai_dc": ("http://www.openarchives.org/OAI/2.0/oai_dc.xsd", OAI_DC_NS),
}
# The arguments each verb takes: required, optional, and exclusive (alone, or not at all).
ARGUMENTS = {
    "Identify": ((), (), None),
    "ListMetadataFormats": ((), ("identifier",), None),
    "ListSets": ((), (), "resumptionToken"),
    "GetRecord": (("identifier", "metadataPrefix"), (), None),
    "ListIdentifiers": (("metadataPrefix",), ("from", "until", "set"), "resumptionToken"),
    "ListRecords": (("metadataPrefix",), ("from", "until", "set"), "resumptionToken"),
}
TOKEN_SALT = "policyshare.oai.resumption"
_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


class OaiError(Exception):
    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
        self.message = message


def _element(parent, name, text=None, namespace=OAI_NS, **attributes):
    element = etree.SubElement(parent, f"{{{namespace}}}{name}", attributes)
    if text is not None:
        element.text = text
    return element


def _base_url(request):
    return request.build_absolute_uri(request.path)


def _utc_now():
    return timezone.now().astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _document():
    root = etree.Element(f"{{{OAI_NS}}}OAI-PMH", nsmap={None: OAI_NS, "xsi": XSI_NS})
    root.set(
        f"{{{XSI_NS}}}schemaLocation", f"{OAI_NS} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"
    )
    _element(root, "responseDate", _utc_now())
    return root


def _xml_safe(text):
    """``text`` without the characters XML 1.0 cannot hold, which a request may carry."""
    return _NOT_XML.sub("\ufffd", text)


def _respond(root):
    body = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    return HttpResponse(body, content_type="text/xml; charset=utf-8")


def _check_arguments(verb, arguments):
    required, optional, exclusive = ARGUMENTS[verb]
    if exclusive and exclusive in arguments:
        if len(arguments) > 1:
            raise OaiError("badArgument", f"{exclusive} must be the only argument.")
        return
    allowed = set(required) | set(optional) | ({exclusive} if exclusive else set())
    unknown = sorted(set(arguments) - allowed)
    if unknown:
        raise OaiError("badArgument", f"Arguments not allowed with {verb}: {', '.join(unknown)}.")
    missing = [name for name in required if name not in arguments]
    if missing:
        raise OaiError("badArgument", f"Missing arguments: {', '.join(missing)}.")


def _parse_datestamp(value, name, end_of_day=False):
    """A from/until argument in either granularity, as an aware UTC datetime."""
    try:
        if len(value) == 10:
            day = datetime.date.fromisoformat(value)
            moment = datetime.datetime.combine(day, datetime.time.min, datetime.UTC)
            return moment + datetime.timedelta(days=1, microseconds=-1) if end_of_day else moment
        if len(value) == 20 and value.endswith("Z"):
            moment = datetime.datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ")
            moment = moment.replace(tzinfo=datetime.UTC)
            return moment + datetime.timedelta(microseconds=999_999) if end_of_day else moment
    except ValueError:
        pass
    raise OaiError("badArgument", f"{name} must be YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ.")


def _list_request(arguments):
    """The request a list continues: from its arguments, or from its resumption token."""
    if "resumptionToken" in arguments:
        try:
            return signing.loads(arguments["resumptionToken"], salt=TOKEN_SALT)
        except signing.BadSignature as error:
            raise OaiError("badResumptionToken", "The resumption token is not valid.") from error
    prefix = arguments["metadataPrefix"]
    if prefix not in METADATA_FORMATS:
        raise OaiError("cannotDisseminateFormat", f"Records are offered as oai_dc, not {prefix}.")
    start, end = arguments.get("from"), arguments.get("until")
    if start and end and len(start) != len(end):
        raise OaiError("badArgument", "from and until must have the same granularity.")
    if start:
        _parse_datestamp(start, "from")
    if end:
        _parse_datestamp(end, "until")
    if start and end and _parse_datestamp(start, "from") > _parse_datestamp(end, "until", True):
        raise OaiError("badArgument", "from is later than until.")
    return {"prefix": prefix, "from": start, "until": end, "set": arguments.get("set")}


def _matching(list_request):
    """The publications and the deleted records a list request asks for."""
    live, deleted = records.publications(), records.deleted_records()
    if list_request["from"]:
        start = _parse_datestamp(list_request["from"], "from")
        live = live.filter(changed_at__gte=start)
        deleted = deleted.filter(deleted_at__gte=start)
    if list_request["until"]:
        end = _parse_datestamp(list_request["until"], "until", end_of_day=True)
        live = live.filter(changed_at__lte=end)
        deleted = deleted.filter(deleted_at__lte=end)
    if list_request["set"]:
        live = records.in_set(live, list_request["set"])
        deleted = records.deleted_in_set(deleted, list_request["set"])
        if live is None or deleted is None:
            raise OaiError("noRecordsMatch", "There is no such set.")
    return live, deleted


def _list(root, request, verb, arguments):
    list_request = _list_request(arguments)
    live, deleted = _matching(list_request)
    total = live.count() + deleted.count()
    after = list_request.get("after")
    if after:
        moment, page_id = datetime.datetime.fromisoformat(after[0]), after[1]
        live = live.filter(Q(changed_at__gt=moment) | Q(changed_at=moment, pk__gt=page_id))
        deleted = deleted.filter(
            Q(deleted_at__gt=moment) | Q(deleted_at=moment, page_id__gt=page_id)
        )
    # Both lists in one order, (datestamp, page id), which the token's position continues.
    entries = sorted([*live[:PAGE_SIZE], *deleted[:PAGE_SIZE]], key=records.position)
    entries = entries[:PAGE_SIZE]
    if not entries:
        raise OaiError("noRecordsMatch", "No records match the request.")
    container = _element(root, verb)
    context = records.RecordContext(
        [entry for entry in entries if not isinstance(entry, DeletedRecord)], request
    )
    for entry in entries:
        if verb == "ListIdentifiers":
            _header(container, entry, context)
        else:
            _record(container, entry, context)
    cursor = list_request.get("cursor", 0)
    sent = cursor + len(entries)
    if sent < total or after:
        token = ""
        if sent < total:
            moment, page_id = records.position(entries[-1])
            token = signing.dumps(
                {**list_request, "after": [moment.isoformat(), page_id], "cursor": sent},
                salt=TOKEN_SALT,
                compress=True,
            )
        _element(
            container,
            "resumptionToken",
            token,
            completeListSize=str(total),
            cursor=str(cursor),
        )


def _header(parent, entry, context):
    if isinstance(entry, DeletedRecord):
        header = _element(parent, "header", status="deleted")
        _element(header, "identifier", records.identifier(entry.page_id))
        _element(header, "datestamp", records.utc_datestamp(entry.deleted_at))
        for spec in entry.set_specs.split():
            _element(header, "setSpec", spec)
        return
    header = _element(parent, "header")
    _element(header, "identifier", records.identifier(entry.pk))
    _element(header, "datestamp", records.datestamp(entry))
    for spec in context.set_specs(entry):
        _element(header, "setSpec", spec)


def _record(parent, publication, context):
    record = _element(parent, "record")
    _header(record, publication, context)
    if isinstance(publication, DeletedRecord):
        return  # a deleted record is its header alone
    metadata = _element(record, "metadata")
    dc = etree.SubElement(metadata, f"{{{OAI_DC_NS}}}dc", nsmap={"oai_dc": OAI_DC_NS, "dc": DC_NS})
    dc.set(
        f"{{{XSI_NS}}}schemaLocation",
        f"{OAI_DC_NS} http://www.openarchives.org/OAI/2.0/oai_dc.xsd",
    )
    for name, text, language in context.dublin_core(publication):
        element = _element(dc, name, text, namespace=DC_NS)
        if language:
            element.set(f"{{{XML_NS}}}lang", language)


def _identify(root, request, arguments):
    identify = _element(root, "Identify")
    _element(identify, "repositoryName", settings.WAGTAIL_SITE_NAME)
    _element(identify, "baseURL", _base_url(request))
    _element(identify, "protocolVersion", "2.0")
    _element(identify, "adminEmail", settings.DEFAULT_FROM_EMAIL)
    moments = [
        records.publications().aggregate(earliest=Min("changed_at"))["earliest"],
        records.deleted_records().aggregate(earliest=Min("deleted_at"))["earliest"],
    ]
    moments = [moment for moment in moments if moment is not None]
    earliest = min(moments, default=datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC))
    _element(identify, "earliestDatestamp", records.utc_datestamp(earliest))
    # Unpublished and deleted publications are kept as deleted records (oai/deletions.py)
    # until they are published again.
    _element(identify, "deletedRecord", "persistent")
    _element(identify, "granularity", "YYYY-MM-DDThh:mm:ssZ")


def _publication(oai_identifier):
    """The publication an identifier names, or its deleted record."""
    page_id = records.page_id_of(oai_identifier)
    publication = None
    if page_id:
        publication = (
            records.publications().filter(pk=page_id).first()
            or records.deleted_records().filter(page_id=page_id).first()
        )
    if publication is None:
        raise OaiError("idDoesNotExist", f"There is no record {oai_identifier}.")
    return publication


def _list_metadata_formats(root, request, arguments):
    if "identifier" in arguments:
        _publication(arguments["identifier"])
    container = _element(root, "ListMetadataFormats")
    for prefix, (schema, namespace) in METADATA_FORMATS.items():
        metadata_format = _element(container, "metadataFormat")
        _element(metadata_format, "metadataPrefix", prefix)
        _element(metadata_format, "schema", schema)
        _element(metadata_format, "metadataNamespace", namespace)


def _list_sets(root, request, arguments):
    if "resumptionToken" in arguments:
        raise OaiError("badResumptionToken", "The list of sets is sent whole.")
    container = _element(root, "ListSets")
    for spec, name in records.all_sets():
        oai_set = _element(container, "set")
        _element(oai_set, "setSpec", spec)
        _element(oai_set, "setName", name)


def _get_record(root, request, arguments):
    prefix = arguments["metadataPrefix"]
    publication = _publication(arguments["identifier"])
    if prefix not in METADATA_FORMATS:
        raise OaiError("cannotDisseminateFormat", f"Records are offered as oai_dc, not {prefix}.")
    container = _element(root, "GetRecord")
    live = [] if isinstance(publication, DeletedRecord) else [publication]
    _record(container, publication, records.RecordContext(live, request))


VERBS = {
    "Identify": _identify,
    "ListMetadataFormats": _list_metadata_formats,
    "ListSets": _list_sets,
    "GetRecord": _get_record,
    "ListIdentifiers": lambda root, request, arguments: _list(
        root, request, "ListIdentifiers", arguments
    ),
    "ListRecords": lambda root, request, arguments: _list(root, request, "ListRecords", arguments),
}


@csrf_exempt  # harvesters may POST their arguments (protocol 3.1.1.2); nothing is changed
@require_http_methods(["GET", "HEAD", "POST"])
@ratelimit("oai", rate="60/m")
def endpoint(request):
    params = request.POST if request.method == "POST" else request.GET
    root = _document()
    verbs = params.getlist("verb")
    arguments = {name: _xml_safe(params[name]) for name in params if name != "verb"}
    try:
        if len(verbs) != 1 or verbs[0] not in VERBS:
            raise OaiError("badVerb", "The verb is missing, repeated or not one of OAI-PMH's.")
        verb = verbs[0]
        if any(len(params.getlist(name)) > 1 for name in arguments):
            raise OaiError("badArgument", "An argument is repeated.")
        _check_arguments(verb, arguments)
        _element(root, "request", _base_url(request), verb=verb, **arguments)
        VERBS[verb](root, request, arguments)
    except OaiError as error:
        # Start again after responseDate: the request is echoed with its arguments only when
        # the verb and the arguments were right (protocol 3.2).
        for child in list(root)[1:]:
            root.remove(child)
        echoed = {} if error.code in {"badVerb", "badArgument"} else {"verb": verb, **arguments}
        _element(root, "request", _base_url(request), **echoed)
        _element(root, "error", _xml_safe(error.message), code=error.code)
    return _respond(root)
