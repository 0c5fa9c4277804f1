//! Finding, reading and driving elements of the page by `data-testid`.

use super::Outcome;
use std::time::{Duration, Instant};
use thirtyfour::prelude::*;

pub fn testid(id: &str) -> By {
    By::Css(format!("[data-testid='{id}']"))
}

pub async fn el(driver: &WebDriver, id: &str) -> Outcome<WebElement> {
    Ok(driver
        .query(testid(id))
        .wait(Duration::from_secs(20), Duration::from_millis(100))
        .first()
        .await?)
}

pub async fn type_into(driver: &WebDriver, id: &str, text: &str) -> Outcome {
    let field = el(driver, id).await?;
    field.clear().await?;
    field.send_keys(text).await?;
    Ok(())
}

pub async fn click(driver: &WebDriver, id: &str) -> Outcome {
    el(driver, id).await?.click().await?;
    Ok(())
}

/// The mentor names listed, once the list has settled (polls until two reads agree).
pub async fn mentor_names(driver: &WebDriver) -> Outcome<Vec<String>> {
    el(driver, "mentor-list").await?;
    let mut last: Option<Vec<String>> = None;
    loop {
        let mut names = Vec::new();
        for item in driver
            .find_all(By::Css("[data-testid='mentor-item'] .name"))
            .await?
        {
            names.push(item.text().await?);
        }
        if last.as_ref() == Some(&names) {
            return Ok(names);
        }
        last = Some(names);
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

pub async fn press(driver: &WebDriver, keys: impl Into<TypingData>) -> Outcome {
    driver.active_element().await?.send_keys(keys).await?;
    Ok(())
}

pub async fn click_css(driver: &WebDriver, css: &str) -> Outcome {
    driver
        .query(By::Css(css))
        .wait(Duration::from_secs(20), Duration::from_millis(100))
        .first()
        .await?
        .click()
        .await?;
    Ok(())
}

pub async fn texts(driver: &WebDriver, css: &str) -> Outcome<Vec<String>> {
    let mut out = Vec::new();
    for e in driver.find_all(By::Css(css)).await? {
        out.push(e.text().await?);
    }
    Ok(out)
}

/// Polls until `css` matches an element whose text contains `needle`.
pub async fn wait_text(driver: &WebDriver, css: &str, needle: &str) -> Outcome<String> {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let found = texts(driver, css).await?;
        if let Some(t) = found.iter().find(|t| t.contains(needle)) {
            return Ok(t.clone());
        }
        check!(
            Instant::now() < deadline,
            "no {css} containing {needle:?}; saw {found:?}"
        );
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

/// Sets an input's value as a user picking it would (dates are awkward to type in WebKit), and
/// fires `input` so the page's bindings see it.
pub async fn set_value(driver: &WebDriver, id: &str, value: &str) -> Outcome {
    let field = el(driver, id).await?;
    driver
        .execute(
            "arguments[0].value = arguments[1]; \
             arguments[0].dispatchEvent(new Event('input', { bubbles: true })); \
             arguments[0].dispatchEvent(new Event('change', { bubbles: true }));",
            vec![field.to_json()?, serde_json::json!(value)],
        )
        .await?;
    Ok(())
}

pub async fn count(driver: &WebDriver, id: &str) -> Outcome<usize> {
    Ok(driver.find_all(testid(id)).await?.len())
}

/// Polls until exactly `n` elements carry the test id.
pub async fn wait_count(driver: &WebDriver, id: &str, n: usize) -> Outcome {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let found = count(driver, id).await?;
        if found == n {
            return Ok(());
        }
        check!(
            Instant::now() < deadline,
            "expected {n} × {id}, found {found}"
        );
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}
