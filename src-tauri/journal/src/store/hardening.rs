//! Process hardening that must happen before any secret is in memory.
//!
//! A core dump of an unlocked journal would hold the data key and decrypted notes in a plain file
//! (often collected automatically by systemd-coredump or apport). Marking the process non-dumpable
//! stops core dumps and also stops other processes of the same user from attaching with ptrace or
//! reading `/proc/<pid>/mem`.

use crate::error::{Error, Result};

/// Refuses core dumps (and same-user ptrace) for this process; a no-op where unsupported.
pub fn refuse_core_dumps() -> Result<()> {
    #[cfg(target_os = "linux")]
    rustix::process::set_dumpable_behavior(rustix::process::DumpableBehavior::NotDumpable)
        .map_err(|_| Error::Internal("could not disable core dumps".into()))?;
    Ok(())
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    #[test]
    fn the_process_is_no_longer_dumpable() {
        refuse_core_dumps().unwrap();
        assert_eq!(
            rustix::process::dumpable_behavior().unwrap(),
            rustix::process::DumpableBehavior::NotDumpable
        );
    }
}
