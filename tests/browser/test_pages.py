"""Pages in the browser: the clickable diagram, the language switch, a record's departments and source."""

from __future__ import annotations

from playwright.sync_api import Page, expect

RECORD = "standard/pv-key-products-test-methods/"


def test_clicking_a_diagram_node_opens_its_page(page: Page, site):
    page.goto(site.url)
    node = page.locator("#fw-renewable-energy a")
    assert "可再生能源" in (node.get_attribute("xlink:title") or ""), "the node has a tooltip"
    node.click()
    expect(page).to_have_url(site.path("framework/renewable-energy/"))
    expect(page.locator(".md-content__inner h1")).to_contain_text("1.2.2 可再生能源")
    current = page.locator("#fw-renewable-energy")
    assert "fw-current" in (current.get_attribute("class") or ""), "the node is marked on its own page"


def test_framework_node_page_in_english(page: Page, site):
    page.goto(site.path("en/framework/"))
    page.locator("#fw-renewable-energy a").click()
    expect(page).to_have_url(site.path("en/framework/renewable-energy/"))
    expect(page.locator(".md-content__inner h1")).to_contain_text("Renewable energy")
    expect(page.locator("#fw-renewable-pv text").first).to_contain_text("Photovoltaic")


def test_language_switch_lands_on_the_same_record(page: Page, site):
    page.goto(site.path(RECORD))
    expect(page.locator(".md-content__inner h1")).to_contain_text("高效光伏组件")
    page.locator(".md-header__option .md-select").hover()
    page.locator('.md-select__link[hreflang="en"]').click()
    expect(page).to_have_url(site.path("en/" + RECORD))
    expect(page.locator(".md-content__inner h1")).to_contain_text("Technical requirements and test standards")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.locator(".md-header__option .md-select").hover()
    page.locator('.md-select__link[hreflang="zh"]').click()
    expect(page).to_have_url(site.path(RECORD))


def test_record_page_shows_departments_and_source_quote(page: Page, site):
    page.goto(site.path(RECORD))
    departments = page.locator(".stdcat-departments")
    expect(departments).to_contain_text("参与单位")
    expect(departments).to_contain_text("省能源局")
    expect(departments.locator("a").first).to_be_visible()
    quote = page.locator(".stdcat-source .stdcat-quote")
    expect(quote).to_contain_text("开展高效光伏组件、硅片、电池等关键产品技术要求和检测标准研究")
    page.locator(".stdcat-source__paragraph").click()
    expect(page).to_have_url(site.path("plan/#p-box1-pv"))
    expect(page.locator("#p-box1-pv")).to_contain_text("高效光伏组件")


def test_department_page_lists_what_it_leads(page: Page, site):
    page.goto(site.path("organization/"))
    page.locator("a", has_text="省市场监管局").first.click()
    expect(page.locator(".md-content__inner h1")).to_contain_text("省市场监管局")
    expect(page.locator("#lead")).to_be_visible()
    expect(page.locator("#participants")).to_be_visible()


def test_repair_log_and_glossary_open(page: Page, site):
    page.goto(site.path("plan/repairs/"))
    expect(page.locator(".stdcat-certainty--unknown").first).to_be_visible()
    expect(page.locator("#unknown + .stdcat-table, #unknown ~ .stdcat-table").first).to_contain_text("□")
    page.goto(site.path("en/glossary/"))
    expect(page.locator(".md-content__inner")).to_contain_text("Calibration")
