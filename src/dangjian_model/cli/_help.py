"""The help texts of the command: what each command does and examples, in Chinese and English."""

from __future__ import annotations

__all__ = ["ALLOCATE", "CONVERT", "DIAGRAM", "EXIT_CODES", "MAIN", "REPORT", "SCHEMA", "TEMPLATE", "VALIDATE"]

EXIT_CODES = """\
退出码 exit codes:
  0  完成，没有错误 done, no errors
  1  发现错误：校验错误，或配置文件格式有误 errors found: validation errors or a malformed file
  2  文件无法读取或写入，或命令行有误 a file cannot be read or written, or the command line is wrong
  3  程序缺陷，请报告 a bug in dangjian_model: please report it"""

MAIN = f"""\
示例 examples:
  dangjian validate examples/cixi_three_villages.yaml
  dangjian allocate examples/cixi_three_villages.yaml --project lianshu-village
  dangjian diagram examples/cixi_three_villages.yaml --format dot
  dangjian report examples/cixi_three_villages.yaml -o report.html
  dangjian convert examples/cixi_three_villages.yaml my-registry.json
  dangjian schema > schema.json

每个命令都有帮助 every command has its own help: dangjian validate --help

{EXIT_CODES}
"""

VALIDATE = f"""\
校验一个或多个配置文件（登记册或单个联盟），按文件列出所有问题。
Check one or more configuration files (a registry, or one alliance) and list every problem, by file.

示例 examples:
  dangjian validate examples/cixi_three_villages.yaml
  dangjian validate a.yaml b.json c.toml
  dangjian validate --format json examples/cixi_three_villages.json > report.json
  dangjian validate --format sarif registry.yaml > dangjian.sarif
  dangjian validate --format github --fail-on warning registry.yaml
  cat registry.yaml | dangjian validate --input-format yaml -
  dangjian validate --select DJ1,DJ4 --ignore DJ412 registry.yaml
  dangjian validate --severity DJ407=error --severity DJ2=warning registry.yaml
  dangjian validate --registry examples/cixi_three_villages.yaml examples/cixi_south_alliance.yaml

单个联盟文件：给出 --registry 时放入该登记册校验，否则只检查文件结构。
An alliance file is checked inside the registry given with --registry (replacing the alliance with
its id); without --registry only its structure is checked.

{EXIT_CODES}
"""

ALLOCATE = f"""\
按项目的分配规则（未设置时平分）分配收益，列出每一笔的理由：规则、环节、档位、精确份额。
Share a project's income by its allocation rule (equal split when it has none) and show the reason
for every amount: rule, part, tier and exact quota; the totals reconcile to the 分.
记录的收入按年度分别分配（每年按协议当年的规则），列出各年及合计；--on/--year 只分配一年。
Recorded income is shared year by year, each year by the rule of that year of the agreement, and
listed with totals; --on or --year picks one year, --income shares an amount (zero or more) instead.

示例 examples:
  dangjian allocate examples/cixi_three_villages.yaml --project lianshu-village
  dangjian allocate examples/cixi_three_villages.yaml --project lianshu-village --income 45万元
  dangjian allocate registry.yaml --project P --income 1000000 --year 3 --lang en
  dangjian allocate registry.yaml --project P --on 2024-12-31 --format json
  dangjian allocate registry.yaml --project P --explain-stability

{EXIT_CODES}
"""

CONVERT = f"""\
在 JSON、YAML、TOML、Excel 工作簿 (.xlsx) 和 CSV（文件夹或 .zip）之间转换；格式由扩展名决定，--to 可强制指定输出格式。
已有的文件不会被覆盖，除非给出 --force。--labels zh 写出中文名称和万元金额。
Convert between JSON, YAML, TOML, Excel workbooks (.xlsx) and CSV files (a folder or a .zip); the
extension gives the format (--to forces the output format). An existing file is never replaced unless
--force is given. The output is canonical; --labels zh writes Chinese labels and 万元 amounts.

示例 examples:
  dangjian convert examples/cixi_three_villages.yaml registry.json
  dangjian convert registry.json registry.toml --force
  dangjian convert registry.yaml registry.txt --to json
  cat registry.yaml | dangjian convert - - --input-format yaml --to json
  dangjian convert examples/cixi_three_villages.yaml registry.xlsx --personal-data keep
  dangjian convert registry.xlsx registry.yaml --labels zh
  dangjian convert gbk-export.zip registry.json --encoding gb18030

{EXIT_CODES}
"""

TEMPLATE = f"""\
写出一个空白 Excel 工作簿（或 CSV 文件夹/.zip）供填写：每类登记对象一个工作表，中文列名，下拉列表，填写说明。
Write an empty Excel workbook (or a folder or .zip of CSV files) to fill in: one sheet per collection,
Chinese headers with the English field ids, drop-down lists and an instructions sheet (说明).

示例 examples:
  dangjian template 登记册.xlsx
  dangjian validate 登记册.xlsx
  dangjian convert 登记册.xlsx registry.yaml

{EXIT_CODES}
"""

SCHEMA = f"""\
输出配置文件的 JSON Schema（编辑器可用它补全和检查）。
Print the JSON Schema of the configuration format (editors use it to complete and check files).

示例 examples:
  dangjian schema > dangjian.schema.json

{EXIT_CODES}
"""

DIAGRAM = f"""\
画出联盟结构：隶属关系为实线，联盟与联合党委的协调关系为虚线（三不变一目了然）。
Draw an alliance: lines of affiliation solid, the alliance and joint-committee links dashed, so that
三不变 is visible. Mermaid by default (paste it into a Markdown file); DOT for Graphviz.

示例 examples:
  dangjian diagram examples/cixi_three_villages.yaml
  dangjian diagram registry.yaml --alliance cixi-south --format dot | dot -Tsvg > alliance.svg
  dangjian diagram examples/zhongshan_east.yaml --alliance dongyu-big-committee --meetings

--meetings 画出会议及出席者。 --meetings also draws who met at the alliance's meetings.
文件中只有一个联盟时可以省略 --alliance。
--alliance may be left out when the file holds only one alliance.

{EXIT_CODES}
"""

REPORT = f"""\
生成一页自包含的 HTML 报告：联盟概况与结构图、按规则分组的校验结果、每个项目每个协议年度的分配表（含签字栏，
可用 A4 打印）。页面不引用任何外部脚本、样式、字体或图片，断网也能打开。人员姓名默认脱敏。
Write one self-contained HTML page: each alliance with its structure drawn, the validation findings
grouped by rule, and for every project and agreement year the 分配表 with a line to sign for every
member (prints on A4). Nothing is fetched from outside: it opens with no network. Names are masked
unless --personal-data keep. The exit code is 0 once the page is written, whatever it finds.

示例 examples:
  dangjian report examples/cixi_three_villages.yaml -o report.html
  dangjian report examples/enclave_guarantor.yaml -o report.html --lang en --force
  dangjian report examples/cixi_south_alliance.yaml --registry examples/cixi_three_villages.yaml -o alliance.html
  dangjian report registry.yaml --personal-data keep --as-of 2024-12-31 > report.html

{EXIT_CODES}
"""
