import hashlib
from datetime import date
from pathlib import Path

import feedparser.http
import pytest

from parley.ingest import ReadProblem, html_to_text, looks_like_feed, read_documents, read_feed
from parley.models import Document

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Example News</title>
  <link>https://news.example.com/</link>
  <item>
    <title>Envoys meet in Seoul</title>
    <link>https://news.example.com/envoys</link>
    <guid isPermaLink="false">48213</guid>
    <pubDate>Tue, 31 May 2022 01:15:00 +0900</pubDate>
    <description>Short teaser.</description>
    <content:encoded><![CDATA[<p>South Korea and Japan will hold <b>talks</b> on Friday.</p>
<script>track()</script>
<p>The envoys last met in February.<br/>Officials said so.</p>
<ul><li>First point</li><li>Second point</li></ul>]]></content:encoded>
  </item>
  <item>
    <title>Ministers meet</title>
    <link>https://news.example.com/ministers</link>
    <description>&lt;p&gt;Ministers &amp;amp; envoys met.&lt;/p&gt;
      &lt;p&gt;Second.&lt;/p&gt;</description>
  </item>
  <item>
    <title>Photo gallery</title>
    <guid>https://news.example.com/gallery</guid>
  </item>
</channel>
</rss>
"""

LONG_ID = "https://atom.example.org/articles/" + "x" * 300
LONG_ID_HASH = "sha256:" + hashlib.sha256(LONG_ID.encode()).hexdigest()[:32]

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Atom Example</title>
  <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
  <updated>2022-06-02T00:00:00Z</updated>
  <entry>
    <title>Talks held</title>
    <id>tag:atom.example.org,2022:talks</id>
    <link href="https://atom.example.org/talks"/>
    <published>2022-05-31T23:30:00-05:00</published>
    <updated>2022-06-02T10:00:00Z</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">
      <p>The envoys held talks.</p><p>They agreed to meet again.</p></div></content>
  </entry>
  <entry>
    <title>Updated only</title>
    <id>{LONG_ID}</id>
    <updated>2022-06-01T08:00:00+02:00</updated>
    <summary type="text">Plain summary, first paragraph.

Second paragraph.</summary>
  </entry>
  <entry>
    <title>Undated</title>
    <id>tag:atom.example.org,2022:undated</id>
    <content type="html">&lt;p&gt;No date here.&lt;/p&gt;</content>
  </entry>
</feed>
"""


def write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def documents(items: list[Document | ReadProblem]) -> list[Document]:
    return [item for item in items if isinstance(item, Document)]


def problems(items: list[Document | ReadProblem]) -> list[str]:
    return [str(item) for item in items if isinstance(item, ReadProblem)]


def test_rss_entries_become_documents_with_plain_text(tmp_path: Path) -> None:
    path = write(tmp_path / "news.rss", RSS)
    items = list(read_feed(path))
    envoys, ministers = documents(items)
    assert envoys == Document(
        id="news.example.com:48213",
        text=(
            "South Korea and Japan will hold talks on Friday.\n\n"
            "The envoys last met in February.\nOfficials said so.\n\n"
            "First point\n\nSecond point"
        ),
        published=date(2022, 5, 31),  # the day in Seoul, not 2022-05-30 in UTC
        published_source="feed",
        title="Envoys meet in Seoul",
        url="https://news.example.com/envoys",
        source="Example News",
    )
    assert ministers.id == "https://news.example.com/ministers"
    assert ministers.text == "Ministers & envoys met.\n\nSecond."
    assert (ministers.published, ministers.published_source) == (None, None)
    assert problems(items) == [f"{path}: entry 3 (https://news.example.com/gallery): no text"]


def test_atom_entries_ids_dates_and_content_types(tmp_path: Path) -> None:
    path = write(tmp_path / "site.atom", ATOM)
    items = list(read_feed(path, published=date(2022, 1, 1)))
    assert problems(items) == []
    talks, updated, undated = documents(items)
    assert (talks.id, talks.url, talks.source) == (
        "tag:atom.example.org,2022:talks",
        "https://atom.example.org/talks",
        "Atom Example",
    )
    assert talks.text == "The envoys held talks.\n\nThey agreed to meet again."
    assert (talks.published, talks.published_source) == (date(2022, 5, 31), "feed")
    assert updated.id == LONG_ID_HASH
    assert updated.text == "Plain summary, first paragraph.\n\nSecond paragraph."
    assert (updated.published, updated.published_source) == (date(2022, 6, 1), "feed")
    assert (undated.text, undated.published, undated.published_source) == (
        "No date here.",
        date(2022, 1, 1),
        "given",
    )


def test_xml_files_are_read_as_feeds_only_when_their_root_is_a_feed(tmp_path: Path) -> None:
    feed = write(tmp_path / "feed.xml", ATOM)
    rdf = write(
        tmp_path / "rdf.xml",
        '<?xml version="1.0"?>\n<!-- RSS 1.0 -->\n<rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns="http://purl.org/rss/1.0/"><channel rdf:about="https://r.example/">'
        "<title>R</title><link>https://r.example/</link></channel>"
        '<item rdf:about="https://r.example/1"><title>One</title>'
        "<link>https://r.example/1</link><description>Envoys met.</description></item>"
        "</rdf:RDF>",
    )
    other = write(tmp_path / "notes.xml", "<notes><note>Envoys met.</note></notes>")
    assert [looks_like_feed(p) for p in (feed, rdf, other)] == [True, True, False]
    items = list(read_documents([tmp_path]))
    assert problems(items) == []
    assert [d.id for d in documents(items)] == [
        "tag:atom.example.org,2022:talks",
        LONG_ID_HASH,
        "tag:atom.example.org,2022:undated",
        "notes",  # not a feed: read as text, as any other file
        "https://r.example/1",
    ]


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("", "{path}: empty file"),
        ("<html><body><p>Envoys met.</p></body></html>", "{path}: not an RSS or Atom feed"),
        ("not < xml & at all", "{path}:1: not an RSS or Atom feed (XML error: syntax error)"),
        (
            '<?xml version="1.0"?>\n<notes>\n<a></b></notes>',
            "{path}:3: not an RSS or Atom feed (XML error: mismatched tag)",
        ),
        (
            '<rss version="2.0"><channel><title>T</title></channel></rss>',
            "{path}: feed has no entries",
        ),
    ],
)
def test_files_that_give_no_entries(tmp_path: Path, content: str, problem: str) -> None:
    path = write(tmp_path / "bad.rss", content)
    assert problems(list(read_feed(path))) == [problem.format(path=path)]


def test_feed_that_breaks_off_keeps_the_entries_before_the_break(tmp_path: Path) -> None:
    cut = RSS[: RSS.index("<title>Photo gallery")]
    path = write(tmp_path / "cut.rss", cut)
    items = list(read_feed(path))
    assert [d.title for d in documents(items)] == ["Envoys meet in Seoul", "Ministers meet"]
    assert problems(items) == [
        f"{path}: entry 3 (no id): no text",  # the entry the file breaks off in
        f"{path}:{cut.count(chr(10)) + 1}: malformed feed XML (no element found); "
        "the entries before the error were read",
    ]


def test_feeds_never_touch_the_network(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("tried to fetch a URL")

    monkeypatch.setattr(feedparser.http, "get", refuse)
    link = write(tmp_path / "link.rss", "https://news.example.com/feed.rss")
    [problem] = read_feed(link)
    assert isinstance(problem, ReadProblem)
    assert problem.reason.startswith("not an RSS or Atom feed")
    named = write(tmp_path / "named.rss", str(write(tmp_path / "real.rss", RSS)))
    [problem] = read_feed(named)  # a file holding a path is not read as that path
    assert isinstance(problem, ReadProblem)
    assert problem.reason.startswith("not an RSS or Atom feed")
    assert len(documents(list(read_feed(tmp_path / "real.rss")))) == 2


def test_doc_id_is_ignored_for_a_feed(tmp_path: Path) -> None:
    path = write(tmp_path / "news.rss", RSS)
    items = list(read_documents([path], doc_id="x"))
    assert problems(items)[0] == f"{path}: document id 'x' ignored: each feed entry has its own id"


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("", ""),
        ("Just text &amp; more", "Just text & more"),
        ("<p>One\n  two</p><p></p><p>Three</p>", "One two\n\nThree"),
        ("Lead<div>Block</div>tail", "Lead\n\nBlock\n\ntail"),
        ("<p>a<br>b<br/>\n c</p>", "a\nb\nc"),
        ("<style>p {}</style><p>Kept</p><!-- note -->after", "Kept\n\nafter"),
        ("<h2>Head</h2><blockquote>Quote</blockquote>", "Head\n\nQuote"),
    ],
)
def test_html_to_text(markup: str, text: str) -> None:
    assert html_to_text(markup) == text
