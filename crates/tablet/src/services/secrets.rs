//! The PIN gate's work over `localStorage` and WebCrypto: checking a PIN
//! (and upgrading its hash), setting the first PIN with its recovery code,
//! resetting a forgotten PIN with the recovery code, and, inside the area,
//! changing the PIN or making a new recovery code. Every decision (the
//! lockout, the stored format, the comparison) is the core's
//! [`candour_core::researcher`]; this file only sequences the steps.

use crate::services::key_derivation::{derive_key, DeriveError};
use crate::services::local_store::LocalStore;
use candour_core::hash::to_hex;
use candour_core::messages::Messages;
use candour_core::researcher::lockout::{Attempt, Lockout};
use candour_core::researcher::pin::{check_new_pin, PinError};
use candour_core::researcher::recovery::{
    new_recovery_code, normalise_recovery_code, RecoveryCodeError,
};
use candour_core::researcher::secrets::{
    clear_code_unshown, code_unshown, load_lockout, load_pin, load_recovery, mark_code_unshown,
    save_lockout, save_pin, save_recovery,
};
use candour_core::researcher::slow_hash::{Derivation, SlowHash};
use candour_core::storage::StoreError;
use candour_web::clock::random_bytes;
use thiserror::Error;

/// Why the gate could not do what was asked; nothing was changed.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum GateError {
    /// Storage refused.
    #[error("{0}")]
    Store(#[from] StoreError),
    /// WebCrypto refused or is missing.
    #[error("{0}")]
    Crypto(#[from] DeriveError),
    /// No random numbers from the browser.
    #[error("no random numbers")]
    NoRandom,
    /// A new PIN that may not be one.
    #[error("{0}")]
    Pin(#[from] PinError),
    /// A typed recovery code that cannot be one.
    #[error("{0}")]
    Code(#[from] RecoveryCodeError),
    /// The tablet has no recovery code (a PIN set by an older build).
    #[error("no recovery code")]
    NoRecoveryCode,
    /// The stored PIN or code is damaged: only the recovery code helps.
    #[error("the stored value is damaged")]
    Damaged,
}

impl GateError {
    /// The error in the researcher's language.
    pub fn in_words(&self, m: &Messages) -> String {
        match self {
            GateError::Store(e) => {
                m.fill("researcher.storage_problem", &[("problem", &e.in_words(m))])
            }
            GateError::Crypto(_) | GateError::NoRandom => m.get("researcher.no_crypto").to_owned(),
            GateError::Pin(e) => e.in_words(m),
            GateError::Code(e) => e.in_words(m),
            GateError::NoRecoveryCode => m.get("recovery.none").to_owned(),
            GateError::Damaged => m.get("researcher.pin_damaged").to_owned(),
        }
    }
}

/// Whether a PIN is set, read when the gate opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PinState {
    /// None yet: the gate asks for a first PIN.
    NotSet,
    /// One is set (or damaged, which only the recovery code can replace).
    Set,
}

/// Whether a PIN is set. Unreadable storage or a damaged PIN read as set,
/// so that nobody can set a new PIN without the recovery code.
pub fn pin_state() -> PinState {
    match LocalStore::open().and_then(|s| load_pin(&s)) {
        Ok(None) => PinState::NotSet,
        _ => PinState::Set,
    }
}

/// What a right PIN or recovery code led to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Opened {
    /// The area may open.
    Unlocked,
    /// The area may open once this new recovery code was shown (once).
    ShowCode(NewCode),
}

/// A new recovery code to show once, and the token its "not yet shown"
/// mark carries, so that confirming it clears that mark and no other.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCode {
    /// The code, as it is written down.
    pub code: String,
    token: String,
}

impl NewCode {
    /// Staff said they wrote this code down. Not saying so (a storage that
    /// refuses the change) only means that the next right PIN shows a new
    /// code, which is safe.
    pub fn shown(&self) {
        if let Ok(mut store) = store() {
            let _ = clear_code_unshown(&mut store, &self.token);
        }
    }
}

fn store() -> Result<LocalStore, GateError> {
    Ok(LocalStore::open()?)
}

fn salt() -> Result<[u8; 16], GateError> {
    random_bytes().ok_or(GateError::NoRandom)
}

/// A new slow hash of `secret`, with a fresh salt.
async fn hash(secret: &str) -> Result<SlowHash, GateError> {
    let derivation = Derivation::new(salt()?);
    let key = derive_key(secret, &derivation).await?;
    Ok(derivation.hash_of(&key))
}

/// Whether `secret` is the one `stored` was made from.
async fn matches(secret: &str, stored: &SlowHash) -> Result<bool, GateError> {
    let derivation = stored.derivation().ok_or(GateError::Damaged)?;
    let key = derive_key(secret, &derivation).await?;
    Ok(stored.matches(&key))
}

/// Counts a try: reads the lockout again (the clock counted it down while
/// the key was derived), records the outcome, and stores it.
fn count_try(right: bool) -> Result<Attempt, GateError> {
    let mut store = store()?;
    let mut lockout = load_lockout(&store);
    let outcome = lockout.attempt(right);
    save_lockout(&mut store, &lockout)?;
    Ok(outcome)
}

/// The lockout as stored now.
fn locked_now() -> Result<Option<Attempt>, GateError> {
    let lockout: Lockout = load_lockout(&store()?);
    Ok(lockout.is_locked().then_some(Attempt::Locked {
        wait_ms: lockout.wait_ms,
    }))
}

/// A new recovery code, stored as a slow hash; returns it to be shown once.
/// It is marked as not yet shown first, until [`NewCode::shown`]: if its
/// screen goes away before staff confirm it, the next right PIN makes and
/// shows another.
pub async fn make_recovery_code() -> Result<NewCode, GateError> {
    let code = new_recovery_code(salt()?);
    let token = to_hex(&salt()?);
    let stored = hash(&normalise_recovery_code(&code)?).await?;
    let mut store = store()?;
    mark_code_unshown(&mut store, &token)?;
    save_recovery(&mut store, &stored)?;
    Ok(NewCode { code, token })
}

/// Checks `pin`. While a wait runs nothing is checked. A right PIN whose
/// hash is older than today's is hashed again at today's strength, and a
/// tablet without a recovery code, or whose newest code was never
/// confirmed as written down, gets a new one (to be shown once).
pub async fn unlock(pin: &str) -> Result<Result<Opened, Attempt>, GateError> {
    if let Some(locked) = locked_now()? {
        return Ok(Err(locked));
    }
    let stored = load_pin(&store()?).map_err(|_| GateError::Damaged)?;
    let stored = stored.ok_or(GateError::Damaged)?;
    let right = matches(pin, &stored).await?;
    match count_try(right)? {
        Attempt::Unlocked => {}
        other => return Ok(Err(other)),
    }
    if stored.needs_upgrade() {
        // Best effort: the old hash still works if this fails.
        if let Ok(stronger) = hash(pin).await {
            let _ = save_pin(&mut store()?, &stronger);
        }
    }
    let store = store()?;
    match load_recovery(&store) {
        Ok(Some(_)) if !code_unshown(&store) => Ok(Ok(Opened::Unlocked)),
        // A code exists, only perhaps unseen: if no new one can be stored
        // (storage full), the right PIN still opens, and the next tries again.
        Ok(Some(_)) => Ok(Ok(make_recovery_code()
            .await
            .map_or(Opened::Unlocked, Opened::ShowCode))),
        _ => Ok(Ok(Opened::ShowCode(make_recovery_code().await?))),
    }
}

/// Sets the first PIN (none may be set) and makes its recovery code.
pub async fn set_first_pin(pin: &str, confirm: &str) -> Result<NewCode, GateError> {
    check_new_pin(pin, confirm)?;
    if pin_state() != PinState::NotSet {
        return Err(GateError::Damaged);
    }
    let stored = hash(pin).await?;
    save_pin(&mut store()?, &stored)?;
    make_recovery_code().await
}

/// Resets a forgotten PIN with the recovery code: every record stays. A
/// wrong code counts as a wrong try; a right one sets `pin` and makes a new
/// recovery code (the old one is used up).
pub async fn reset_with_code(
    typed_code: &str,
    pin: &str,
    confirm: &str,
) -> Result<Result<NewCode, Attempt>, GateError> {
    let code = normalise_recovery_code(typed_code)?;
    check_new_pin(pin, confirm)?;
    if let Some(locked) = locked_now()? {
        return Ok(Err(locked));
    }
    let stored = load_recovery(&store()?)
        .map_err(|_| GateError::Damaged)?
        .ok_or(GateError::NoRecoveryCode)?;
    let right = matches(&code, &stored).await?;
    match count_try(right)? {
        Attempt::Unlocked => {}
        other => return Ok(Err(other)),
    }
    let new_pin = hash(pin).await?;
    // Marked before the new PIN is saved: should the page close before the
    // new code is stored, the next right PIN replaces the old code, which
    // this reset has used up.
    let mut store = store()?;
    mark_code_unshown(&mut store, "reset")?;
    save_pin(&mut store, &new_pin)?;
    Ok(Ok(make_recovery_code().await?))
}

/// Changes the PIN from inside the unlocked area.
pub async fn change_pin(pin: &str, confirm: &str) -> Result<(), GateError> {
    check_new_pin(pin, confirm)?;
    let stored = hash(pin).await?;
    save_pin(&mut store()?, &stored)?;
    Ok(())
}
