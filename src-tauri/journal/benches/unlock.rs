#![allow(clippy::expect_used)] // a bench that cannot set up should stop loudly
//! What unlocking costs: the full Argon2id stretch with the default parameters (the figure the
//! defaults are calibrated against, about 0.5 s), and opening the database once the key is known
//! (the recovery-key path, which needs no slow KDF).

use criterion::{Criterion, criterion_group, criterion_main};
use journal::{Passphrase, Vault};

fn unlock(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let passphrase = Passphrase::new("correct horse battery staple");
    let (journal, recovery) = Vault::create(dir.path(), &passphrase).expect("create");
    journal.lock();

    let mut group = c.benchmark_group("unlock");
    group.sample_size(10);
    group.bench_function("passphrase (default Argon2id)", |b| {
        b.iter(|| Vault::unlock(dir.path(), &passphrase).expect("unlock"))
    });
    group.finish();

    c.bench_function("unlock/recovery key (no KDF: seal + SQLCipher open)", |b| {
        b.iter(|| Vault::unlock_with_recovery(dir.path(), &recovery).expect("unlock"))
    });
}

criterion_group!(benches, unlock);
criterion_main!(benches);
