//! The browser's cryptographic randomness (`crypto.getRandomValues`) as
//! the generator the core's sealing takes. A browser that refuses gives an
//! error, which sealing reports in words; it never panics.

use candour_core::seal::rand_core::{TryCryptoRng, TryRng};
use std::fmt;

/// `crypto.getRandomValues`.
pub struct BrowserRandom;

/// The browser gave no random numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoRandomness;

impl fmt::Display for NoRandomness {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the browser gave no random numbers")
    }
}

impl std::error::Error for NoRandomness {}

impl TryRng for BrowserRandom {
    type Error = NoRandomness;

    fn try_next_u32(&mut self) -> Result<u32, NoRandomness> {
        let mut b = [0u8; 4];
        self.try_fill_bytes(&mut b)?;
        Ok(u32::from_le_bytes(b))
    }

    fn try_next_u64(&mut self) -> Result<u64, NoRandomness> {
        let mut b = [0u8; 8];
        self.try_fill_bytes(&mut b)?;
        Ok(u64::from_le_bytes(b))
    }

    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), NoRandomness> {
        let crypto = web_sys::window()
            .and_then(|w| w.crypto().ok())
            .ok_or(NoRandomness)?;
        // At most 65,536 bytes per call (the API's limit).
        for chunk in dst.chunks_mut(65_536) {
            crypto
                .get_random_values_with_u8_array(chunk)
                .map_err(|_| NoRandomness)?;
        }
        Ok(())
    }
}

impl TryCryptoRng for BrowserRandom {}
