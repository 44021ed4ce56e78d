//! Every screen fits the window, at its default width (1280 px) and at its narrowest (1024 px,
//! `minWidth` in tauri.conf.json): nothing wider than its box, nothing out of its panel, no
//! sideways scroll. A table that scrolls sideways hides its last columns (the next deadline,
//! the handler); buttons out of their panel go under the next one.

mod common;

use common::{days_ago, App, RegisterFile};
use serde_json::{json, Value};

const USER: &str = "Claire Martin";

/// What does not fit in the content column, one line each (empty when everything fits):
/// - an element whose content is wider than its box (a field's own text scrolls inside it, a
///   visually hidden caption is one pixel wide by design: both left out);
/// - an element that sticks out on the right of its panel (a field too);
/// - a drop-down narrower than its longest value, a field narrower than its placeholder;
/// - a word or a date broken inside itself over two lines (a column too narrow for it);
/// - the document scrolling sideways.
const MISFITS_JS: &str = r#"
const name = (el) => {
  const cls = typeof el.className === 'string' ? el.className.replace(/svelte-\w+/g, '').trim() : '';
  return `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${cls ? '.' + cls.replace(/\s+/g, '.') : ''}`
    + ` «${(el.innerText || '').slice(0, 50).replace(/\s+/g, ' ')}»`;
};
const skipped = (el) => el.matches('input, textarea, select') || el.closest('.visually-hidden, .sr-only');
const out = [];
// The content column itself scrolls (overflow: auto): it is measured with its descendants.
for (const el of document.querySelectorAll('#content, #content *')) {
  if (el.clientWidth === 0 || skipped(el)) continue;
  if (el.scrollWidth > el.clientWidth + 1) {
    out.push(`${name(el)}: content ${el.scrollWidth} px in ${el.clientWidth} px`);
  }
}
for (const panel of document.querySelectorAll('#content .panel')) {
  const right = panel.getBoundingClientRect().right;
  for (const el of panel.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (box.width > 0 && box.right > right + 1 && !el.closest('.visually-hidden, .sr-only')) {
      out.push(`${name(el)}: out of ${name(panel)} by ${Math.round(box.right - right)} px`);
    }
  }
}
// A drop-down's chosen value and a field's placeholder are read whole, not cut.
const ruler = document.createElement('canvas').getContext('2d');
const room = (el) => {
  const cs = getComputedStyle(el);
  return el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
};
const textWidth = (el, text) => {
  const cs = getComputedStyle(el);
  ruler.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
  return ruler.measureText(text).width;
};
for (const el of document.querySelectorAll('#content select')) {
  if (el.clientWidth === 0) continue;
  // Any of its values may be chosen: the widest one.
  let widest = null;
  for (const option of el.options) {
    const width = textWidth(el, option.text);
    if (!widest || width > widest.width) widest = { text: option.text, width };
  }
  if (widest && widest.width > room(el) + 1) out.push(`${name(el)}: its value « ${widest.text} » (${Math.round(widest.width)} px) cut to ${Math.round(room(el))} px`);
}
for (const el of document.querySelectorAll('#content input[placeholder], #content textarea[placeholder]')) {
  if (el.clientWidth === 0 || el.value !== '' || el.placeholder === '') continue;
  const width = textWidth(el, el.placeholder);
  if (el.tagName === 'INPUT' && width > room(el) + 1) out.push(`${name(el)}: its placeholder « ${el.placeholder} » (${Math.round(width)} px) cut to ${Math.round(room(el))} px`);
}
// No word broken inside itself over two lines ("Courrie / r"), nor a date ("02/12/ / 2026"):
// a column too narrow for its values. Words of letters only (a hyphen may break a name, an
// e-mail address or a path may break anywhere).
const walker = document.createTreeWalker(document.getElementById('content'), NodeFilter.SHOW_TEXT);
const range = document.createRange();
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  const parent = node.parentElement;
  if (!parent || parent.closest('.visually-hidden, .sr-only, option, textarea') || parent.offsetParent === null) continue;
  const words = /[\p{L}]{4,}|\d{2}\/\d{2}\/\d{4}/gu;
  for (const m of node.data.matchAll(words)) {
    range.setStart(node, m.index);
    range.setEnd(node, m.index + m[0].length);
    const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
    if (lines.size > 1) out.push(`${name(parent)}: « ${m[0]} » broken over ${lines.size} lines`);
  }
}
const page = document.scrollingElement;
if (page.scrollWidth > page.clientWidth) out.push(`the window scrolls sideways: ${page.scrollWidth} px`);
return out;
"#;

/// The screens, by their link in the sidebar and an element shown once their data is in.
const SCREENS: [(&str, &str); 8] = [
    ("#nav-today", "#today-awaiting-answer tr[data-ref]"),
    ("#nav-register", "#register-table tr[data-ref]"),
    ("#nav-requests", "#requests-total"),
    ("#nav-actions", "#action-new"),
    ("#nav-stats", "#stats-delays"),
    ("#nav-new", "#qualify-complaint"),
    ("#nav-settings", "#setting-region"),
    ("#nav-help", "#guide"),
];

#[tokio::test]
async fn every_screen_fits_the_window_down_to_its_narrowest() {
    let register = RegisterFile::fresh();
    register.cli(&["demo", "--count", "300"], "");
    // A long name, and a letter issued: the file's letters are a table of their own.
    let reference = register.record(&json!({
        "client": {
            "name": "Mme Marie-Hélène de La Rochefoucauld-Montbazon",
            "address": "8 avenue Foch\n69006 Lyon",
        },
        "channel": "letter",
        "receivedOn": days_ago(2),
        "subject": "premiumBilling",
        "description": "Cotisation prélevée deux fois",
        "handler": USER,
    }));
    register.issue_acknowledgement_letter(&reference);
    let app = App::launch("layout", register).await;
    app.sign_in(USER).await;

    let mut misfits = Vec::new();
    for width in [1280u32, 1024] {
        wait_for_width(&app, width).await;
        for (link, ready) in SCREENS {
            app.click(link).await;
            app.wait_for(ready).await;
            if link == "#nav-settings" {
                // Loaded apart: the users, the backups (the start-up one at least).
                app.wait_for("#users-table").await;
                app.wait_for("#backup-files").await;
            }
            misfits.extend(misfits_of(&app, &format!("{width} px, {link}")).await);
            if width == 1024 {
                app.screenshot_named(&format!("layout-1024-{}", &link[5..]))
                    .await;
            }
        }
        // The register's date filters with a day that does not exist: the messages show on a
        // line of their own under the filters.
        app.click("#nav-register").await;
        app.wait_for("#register-table tr[data-ref]").await;
        for field in ["#received-from", "#received-to"] {
            app.type_text(field, "31/02/2026").await;
        }
        app.click("#handler-filter").await;
        app.wait_for("#received-to-date-error").await;
        misfits.extend(misfits_of(&app, &format!("{width} px, register's date filters")).await);
        app.screenshot_named(&format!("layout-{width}-date-filters"))
            .await;
        // A date that does not exist offers to clear the filters, which clears it.
        app.click("#reset-filters").await;
        app.wait_gone("#received-from-date-error").await;
        assert_eq!(app.value("#received-from").await, "");
        app.click("#nav-new").await;
        app.click("#qualify-complaint").await;
        app.wait_for("#save-complaint").await;
        misfits.extend(misfits_of(&app, &format!("{width} px, intake form")).await);
        app.screenshot_named(&format!("layout-{width}-intake"))
            .await;
        app.click("#nav-register").await;
        let row = format!("#register-table tr[data-ref=\"{reference}\"] td.client");
        app.wait_for(&row).await;
        app.scroll_into_view(&row).await;
        app.click(&row).await;
        app.wait_for("#letters-list tr[data-letter-id]").await;
        misfits.extend(misfits_of(&app, &format!("{width} px, complaint file")).await);
        // The file's forms opened: an exchange, a dispute step, a proposal, the answer (in
        // the narrow actions panel, with its drop-downs).
        for open in [
            "#exchange-new",
            "#dispute-new",
            "#proposal-new",
            "#action-answer",
        ] {
            app.scroll_into_view(open).await;
            app.click(open).await;
        }
        app.wait_for("#action-form").await;
        misfits.extend(misfits_of(&app, &format!("{width} px, the file's forms")).await);
        if width == 1024 {
            app.scroll_into_view("#action-form").await;
            app.screenshot_named("layout-1024-answer-form").await;
        }
        app.screenshot_named(&format!("layout-{width}-file")).await;
    }
    app.click("#nav-today").await;
    app.wait_for(SCREENS[0].1).await;
    app.screenshot().await;
    assert!(
        misfits.is_empty(),
        "{} misfits, the first ones:\n{}",
        misfits.len(),
        misfits
            .iter()
            .take(30)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
    app.quit().await;
}

/// Resize the window and wait until the page has the width (the window manager's answer is
/// not immediate).
async fn wait_for_width(app: &App, width: u32) {
    app.client()
        .set_window_size(width, 800)
        .await
        .expect("the window takes the width");
    for _ in 0..50 {
        let inner: Value = app
            .client()
            .execute("return window.innerWidth;", vec![])
            .await
            .unwrap();
        if inner == json!(width) {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the page never got {width} px");
}

async fn misfits_of(app: &App, screen: &str) -> Vec<String> {
    // The data is in: two frames more, for its layout to be done.
    app.client()
        .execute_async(
            "const done = arguments[arguments.length - 1];\
             requestAnimationFrame(() => requestAnimationFrame(() => done()));",
            vec![],
        )
        .await
        .expect("two frames");
    let found: Value = app
        .client()
        .execute(MISFITS_JS, vec![])
        .await
        .expect("the layout is read");
    found
        .as_array()
        .expect("a list")
        .iter()
        .map(|m| format!("{screen}: {}", m.as_str().unwrap_or_default()))
        .collect()
}
