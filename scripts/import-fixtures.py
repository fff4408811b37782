#!/usr/bin/env python3
"""Writes the import test files under tests/fixtures/import/ (the text and hand-made binary
ones; the .xlsx workbooks come from `cargo run -p creditdesk-core --example import_fixtures`).
Run from the repository root; the files are committed, so this only needs running when a
fixture changes. Each file's expected outcome is in core/tests/import_catalogue.rs."""

from pathlib import Path

OUT = Path("tests/fixtures/import")
OUT.mkdir(parents=True, exist_ok=True)


def write(name, text, encoding="utf-8"):
    (OUT / name).write_bytes(text.encode(encoding))


def raw(name, data):
    (OUT / name).write_bytes(data)


INVOICE_HEAD = "客户编号,客户名称,发票号码,开票日期,到期日,金额,币种,结清日期\n"
# Rows for customers the catalogue's portfolio knows (C1001, C1002 in CNY; C1003 in USD).
INV = "C1001,上海华东机械有限公司,{no},{issue},{due},{amount},人民币,{settled}\n"


def invoices(rows, head=INVOICE_HEAD):
    return head + "".join(rows)


def good():
    write("customers.csv", (
        "客户编号,客户名称,统一社会信用代码,行业,国家,币种,账期(天),联系人,所属集团\n"
        "C1001,上海华东机械有限公司,91310000MA1FL0001X,机械制造,中国,人民币,30,王经理 +86 21 5555 0100,华东集团\n"
        "C1002,北京恒通贸易有限公司,91110000MA01AB002Y,批发贸易,CN,CNY,60,李女士,\n"
        "C1003,Acme Trading Ltd,,Wholesale,GB,USD,45,+44 20 7946 0000,\n"))
    write("invoices-gbk.csv", invoices([
        INV.format(no="INV-2026-001", issue="2026/7/1", due="2026/7/31", amount='"12,000.00"', settled="2026/8/10"),
        INV.format(no="INV-2026-002", issue="2026/8/1", due="2026/8/31", amount='"8,500.50"', settled=""),
        "C1002,北京恒通贸易有限公司,INV-2026-003,2026/6/15,2026/8/14,\"30,000.00\",人民币,2026/8/14\n",
        "C1004,广州南方电子有限公司,INV-2026-004,2026/5/20,2026/6/19,\"5,000.00\",人民币,2026/7/4\n",
    ]), "gbk")
    write("payments.csv", (
        "Customer No.,Payment Date,Amount,Invoice No.,Payment No.\n"
        "C1001,2026-09-15,\"8,500.50\",INV-2026-002,RCPT-0001\n"
        "C1002,2026-09-20,\"2,000.00\",INV-2099-999,RCPT-0002\n"
        "C1003,2026-10-01,\"1,500.00\",,RCPT-0003\n"))
    # Semicolons and a decimal comma, as a German export writes them.
    write("orders-semicolon.csv", (
        "Customer No.;Order No.;Order Date;Amount\n"
        "C1003;SO-1001;15.10.2026;1.250,00\n"
        "C1003;SO-1002;20.10.2026;980,50\n"))
    write("credit-notes.csv", (
        "客户编号,红字发票号,红字日期,金额,发票号码,原因\n"
        "C1001,CN-2026-001,2026/8/20,500.50,INV-2026-002,退货\n"))


def bad_files():
    write("empty.csv", "")
    write("blank-lines.csv", "\n  \n\n")
    write("header-only.csv", INVOICE_HEAD)
    write("missing-amount-column.csv",
          "客户编号,发票号码,开票日期\nC1001,INV-M-001,2026/9/1\n")
    write("missing-customer-column.csv", "客户名称,币种\n某公司,CNY\n")
    write("wrong-encoding.csv", INVOICE_HEAD + INV.format(
        no="INV-W-001", issue="2026/9/1", due="2026/9/30", amount="100", settled=""), "gbk")
    raw("latin1.csv", "Customer No.,Customer\nC1009,M".encode() + b"\xfc\xff" + b"ller GmbH\n")
    write("bom.csv", "\ufeff客户编号,客户名称,币种\nC2001,深圳前海科技有限公司,CNY\n")
    write("gbk-customers.csv", "客户编号,客户名称,币种\nC2002,杭州西湖茶业有限公司,CNY\n", "gbk")
    write("duplicate-invoice-numbers.csv", invoices([
        INV.format(no="INV-D-001", issue="2026/9/1", due="2026/10/1", amount="100", settled=""),
        INV.format(no="INV-D-002", issue="2026/9/2", due="2026/10/2", amount="200", settled=""),
        INV.format(no="INV-D-001", issue="2026/9/3", due="2026/10/3", amount="300", settled=""),
    ]))
    write("february-31.csv", invoices([
        INV.format(no="INV-F-001", issue="2026-02-31", due="", amount="100", settled=""),
    ]))
    write("dates-dmy.csv", invoices([
        INV.format(no="INV-DMY-1", issue="31/03/2026", due="30/04/2026", amount="100", settled=""),
        INV.format(no="INV-DMY-2", issue="05/04/2026", due="05/05/2026", amount="100", settled=""),
    ]))
    write("dates-mdy.csv", invoices([
        INV.format(no="INV-MDY-1", issue="03/31/2026", due="04/30/2026", amount="100", settled=""),
        INV.format(no="INV-MDY-2", issue="04/05/2026", due="05/05/2026", amount="100", settled=""),
    ]))
    write("dates-mixed.csv", invoices([
        INV.format(no="INV-MIX-1", issue="2026-03-31", due="", amount="100", settled=""),
        INV.format(no="INV-MIX-2", issue="31/03/2026", due="", amount="100", settled=""),
        INV.format(no="INV-MIX-3", issue="2026年4月1日", due="", amount="100", settled=""),
    ]))
    write("amount-text.csv", invoices([
        INV.format(no="INV-T-001", issue="2026/9/1", due="", amount="一千元", settled=""),
    ]))
    write("amount-other-convention.csv", invoices([
        INV.format(no="INV-C-001", issue="2026/9/1", due="", amount='"1,234.56"', settled=""),
        INV.format(no="INV-C-002", issue="2026/9/1", due="", amount='"2,000.00"', settled=""),
        INV.format(no="INV-C-003", issue="2026/9/1", due="", amount='"1.234,56"', settled=""),
    ]))
    write("amount-negative.csv", invoices([
        INV.format(no="INV-N-001", issue="2026/9/1", due="", amount="-500.00", settled=""),
    ]))
    write("amount-zero.csv", invoices([
        INV.format(no="INV-Z-001", issue="2026/9/1", due="", amount="0", settled=""),
    ]))
    write("amount-absurd.csv", invoices([
        INV.format(no="INV-A-001", issue="2026/9/1", due="", amount="99999999999999999", settled=""),
    ]))
    write("too-many-decimals.csv", invoices([
        INV.format(no="INV-X-001", issue="2026/9/1", due="", amount="100.125", settled=""),
    ]))
    write("formula-name.csv", "客户编号,客户名称,币种\nC3001,\"=HYPERLINK(\"\"http://x\"\",\"\"点击\"\")\",CNY\n")
    write("formula-at.csv", "Customer No.,Customer,Contact,Currency\nC3002,Beta Ltd,@SUM(A1:A9),USD\n")
    write("long-field.csv", "客户编号,客户名称,币种\nC3003," + "长" * 10000 + ",CNY\n")
    write("mixed-currency.csv", invoices([
        INV.format(no="INV-MC-001", issue="2026/9/1", due="", amount="100", settled=""),
        "C1001,上海华东机械有限公司,INV-MC-002,2026/9/2,,100,USD,\n",
    ]))
    write("unknown-currency.csv", "客户编号,客户名称,币种\nC3004,某某公司,XYZ\n")
    write("unknown-customer.csv",
          "客户编号,发票号码,开票日期,金额\nC9999,INV-U-001,2026/9/1,100\n")
    write("bad-terms.csv",
          "客户编号,客户名称,币种,账期\nC3005,甲公司,CNY,30.5\nC3006,乙公司,CNY,400\n")
    write("future-payment.csv",
          "Customer No.,Payment Date,Amount\nC1001,2027-01-15,100.00\n")
    write("due-before-issue.csv", invoices([
        INV.format(no="INV-B-001", issue="2026/9/10", due="2026/9/1", amount="100", settled=""),
    ]))
    write("settled-before-issue.csv", invoices([
        INV.format(no="INV-S-001", issue="2026/9/10", due="2026/10/10", amount="100", settled="2026/9/1"),
    ]))
    write("changed-known.csv", invoices([
        INV.format(no="INV-2026-001", issue="2026/7/1", due="2026/7/31", amount='"12,500.00"', settled="2026/8/10"),
    ]))
    write("duplicate-customers.csv", "客户编号,客户名称,币种\nC4001,甲,CNY\nC4002,乙,CNY\nC4001,丙,CNY\n")
    write("missing-number.csv", invoices([
        INV.format(no="", issue="2026/9/1", due="", amount="100", settled=""),
    ]))
    write("other-customers-invoice.csv",
          "Customer No.,Payment Date,Amount,Invoice No.\nC1001,2026-09-01,100.00,INV-2026-003\n")
    write("date-out-of-range.csv", invoices([
        INV.format(no="INV-R-001", issue="1899/12/31", due="", amount="100", settled=""),
    ]))
    write("country-invalid.csv", "客户编号,客户名称,币种,国家\nC3007,丙公司,CNY,Atlantis\n")
    write("many-errors.csv", invoices([
        INV.format(no="INV-E-001", issue="2026/9/1", due="", amount="abc", settled=""),
        INV.format(no="INV-E-002", issue="2026/9/1", due="", amount="100", settled=""),
        INV.format(no="INV-E-003", issue="2026/13/1", due="", amount="100", settled=""),
        "C9998,,INV-E-004,2026/9/1,,100,人民币,\n",
        INV.format(no="INV-E-005", issue="2026/9/1", due="", amount="-1", settled=""),
    ]))
    raw("not-a-spreadsheet.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    write("fake.xlsx", "客户编号,客户名称\nC1,甲\n")
    # A real password-protected workbook (ECMA-376 agile encryption, as Excel writes it):
    # invoices.xlsx encrypted with the password "creditdesk" by msoffcrypto-tool
    # (`pip install msoffcrypto-tool`). Its salt is random, so each run writes other bytes with
    # the same meaning; without the tool the committed file is kept.
    try:
        from msoffcrypto.format.ooxml import OOXMLFile
        with open(OUT / "invoices.xlsx", "rb") as plain, open(OUT / "password-protected.xlsx", "wb") as sealed:
            OOXMLFile(plain).encrypt("creditdesk", sealed)
    except ImportError:
        print("msoffcrypto-tool missing: password-protected.xlsx kept as committed")
    # A workbook whose amount cell holds a formula error, as Excel saves `=1/0` (`t="e"`,
    # the cached `#DIV/0!`): invoices.xlsx with row 3's amount replaced.
    import zipfile
    with zipfile.ZipFile(OUT / "invoices.xlsx") as plain, zipfile.ZipFile(OUT / "cell-error.xlsx", "w", zipfile.ZIP_DEFLATED) as changed:
        for item in plain.infolist():
            data = plain.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                cell = b'<c r="F3"><v>2000</v></c>'
                assert cell in data, "invoices.xlsx changed: update cell-error.xlsx"
                data = data.replace(cell, b'<c r="F3" t="e"><f>1/0</f><v>#DIV/0!</v></c>')
            changed.writestr(item, data)
    # An old binary .xls: an OLE/CFB container (the 8-byte magic, a header) whose directory
    # names a `Workbook` stream (UTF-16LE).
    header = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + bytes(16) + b"\x3E\x00\x03\x00\xFE\xFF\x09\x00"
    raw("legacy.xls", header.ljust(512, b"\x00") + "Workbook".encode("utf-16-le").ljust(1024, b"\x00"))


good()
bad_files()
