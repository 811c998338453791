"""The PDF's ToUnicode maps: radicals read back as the ideographs written."""

import pytest

from desktop.reports.pdf_text import corrected, ideograph, parse_cmap, write_cmap

QT_STYLE_CMAP = """/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
2 beginbfrange
<0000> <0000> <0000>
<0001> <0006> [<2F49> <2EDA> <2F84> <2ED3> <2EC5> <5E74> ]
endbfrange
1 beginbfchar
<0007> <D840DC00>
endbfchar
1 beginbfrange
<0008> <000A> <0041>
endbfrange
endcmap
"""


@pytest.mark.parametrize("radical,written", [("⽉", "月"), ("⻚", "页"), ("⾄", "至"), ("⻓", "长"),
                                             ("⻅", "见"), ("⼈", "人"), ("年", "年"), ("A", "A")])
def test_radicals_become_the_ideographs(radical, written):
    assert ideograph(radical) == written


def test_cmap_read_corrected_and_written_back():
    mapping = parse_cmap(QT_STYLE_CMAP)
    assert mapping[1] == "⽉" and mapping[6] == "年" and mapping[7] == "\U00020000"
    assert [mapping[n] for n in (8, 9, 10)] == ["A", "B", "C"]
    fixed, changed = corrected(mapping)
    assert changed == 5
    assert "".join(fixed[n] for n in range(1, 7)) == "月页至长见年"
    again = parse_cmap(write_cmap(fixed).decode("ascii"))
    assert again == fixed
