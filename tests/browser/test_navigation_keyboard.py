"""At 400 % zoom (320 CSS px) the theme's menu drawer and search work from the keyboard alone:
the menu button opens the drawer and focus moves into it, panels open and close with Enter or
Space, Escape closes the drawer, and search opens from its button."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.a11y import focus_problem, tab_to

MENU = 'label.md-header__button[for="__drawer"]'
SEARCH = 'label.md-header__button[for="__search"]'
DRAWER = ".md-sidebar--primary"


def test_menu_opens_moves_focus_in_and_reaches_another_page(visit_zoomed) -> None:
    page = visit_zoomed.open("values/")
    tab_to(page, MENU)
    expect(page.locator(MENU)).to_have_text("Menu")  # read out; the icon has no text
    page.keyboard.press("Enter")
    # The page's own section is open (The model › The four values): focus starts on its "back"
    # button, which is visible; the covered panel of "The model" takes no focus.
    back = page.locator('label.md-nav__title[for="__nav_3_2"]')
    expect(back).to_be_focused()
    expect(back).to_contain_text("The four values")
    assert focus_problem(page) is None
    page.keyboard.press("Space")  # back to "The model", focus on what opened "The four values"
    expect(page.locator('label.md-nav__link[for="__nav_3_2"]')).to_be_focused()
    tab_to(page, 'label.md-nav__title[for="__nav_3"]', key="Shift+Tab")  # "Back: The model"
    page.keyboard.press("Enter")  # back to the top level of the menu
    expect(page.locator('label.md-nav__link[for="__nav_3"]')).to_be_focused()
    # The panel of "The four values", left open inside the closed "The model", takes no focus.
    tab_to(page, 'label.md-nav__link[for="__nav_5"]')  # the "Tools" section
    page.keyboard.press("Enter")
    expect(page.locator('label.md-nav__title[for="__nav_5"]')).to_be_focused()
    tab_to(page, f"{DRAWER} a[href$='tools/matrix/']")
    page.keyboard.press("Enter")
    expect(page).to_have_url(visit_zoomed.base_url + "tools/matrix/")


def test_escape_closes_the_menu_and_focus_returns_to_its_button(visit_zoomed) -> None:
    page = visit_zoomed.open("about/")
    tab_to(page, MENU)
    page.keyboard.press("Space")
    expect(page.locator(f"{DRAWER} :focus")).to_have_count(1)  # focus moved into the drawer
    assert focus_problem(page) is None
    page.keyboard.press("Escape")
    expect(page.locator(MENU)).to_be_focused()
    expect(page.locator(DRAWER)).to_be_hidden()


def test_search_opens_from_its_button(visit_zoomed) -> None:
    page = visit_zoomed.open("about/")
    tab_to(page, SEARCH)
    page.keyboard.press("Enter")
    expect(page.locator(".md-search__input")).to_be_focused()
    page.keyboard.type("democracy")
    expect(page.locator(".md-search-result__item").first).to_contain_text("Democracy")
    page.keyboard.press("Escape")
    expect(page.locator(SEARCH)).to_be_focused()
