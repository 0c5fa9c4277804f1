//! Keys as a user presses them: WebDriver key actions on whatever has the focus, never sent to
//! an element, so a test that uses only these proves the screen works without a mouse.

use super::Outcome;
use std::time::{Duration, Instant};
use thirtyfour::prelude::*;

pub async fn keys(d: &WebDriver, text: &str) -> Outcome {
    d.action_chain().send_keys(text).perform().await?;
    Ok(())
}

pub async fn tap(d: &WebDriver, key: Key) -> Outcome {
    let key: char = key.into();
    d.action_chain().key_down(key).key_up(key).perform().await?;
    Ok(())
}

pub async fn chord(d: &WebDriver, modifier: Key, key: impl Into<char>) -> Outcome {
    let modifier: char = modifier.into();
    let key = key.into();
    d.action_chain()
        .key_down(modifier)
        .key_down(key)
        .key_up(key)
        .key_up(modifier)
        .perform()
        .await?;
    Ok(())
}

async fn focused_testid(d: &WebDriver) -> Outcome<Option<String>> {
    Ok(d.active_element().await?.attr("data-testid").await?)
}

/// Waits until the element with this test id has the focus.
pub async fn wait_focus(d: &WebDriver, id: &str) -> Outcome {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let now = focused_testid(d).await?;
        if now.as_deref() == Some(id) {
            return Ok(());
        }
        check!(
            Instant::now() < deadline,
            "the focus should be on {id}, is on {now:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Ctrl+N, the mentor's name typed into the picker and Enter: the focus waits in the new note.
pub async fn new_note_by_keys(d: &WebDriver, mentor: &str) -> Outcome {
    chord(d, Key::Control, 'n').await?;
    wait_focus(d, "mentor-picker").await?;
    keys(d, mentor).await?;
    tap(d, Key::Enter).await?;
    wait_focus(d, "note-body").await
}
