//! The research key pair and opening what the tablet sealed.

use candour_core::seal::{Aead, Kdf, Kem, ResearchPublicKey};
use hpke::{Deserializable, Kem as _, OpModeR, Serializable};
use rand_core::TryCryptoRng;
use zeroize::{Zeroize, Zeroizing};

/// The research team's key pair (X25519). Made once by the workbench, kept
/// in a passphrase-protected key file ([`super::key_file`]).
pub struct ResearchKeyPair {
    secret: <Kem as hpke::Kem>::PrivateKey,
    public: ResearchPublicKey,
}

impl ResearchKeyPair {
    /// A new key pair from 32 bytes of `rng` (RFC 9180 `DeriveKeyPair`);
    /// `None` when the generator fails.
    pub fn generate<R: TryCryptoRng + ?Sized>(rng: &mut R) -> Option<Self> {
        let mut ikm = Zeroizing::new([0u8; 32]);
        rng.try_fill_bytes(ikm.as_mut()).ok()?;
        let (secret, _) = Kem::derive_keypair(ikm.as_ref());
        Self::from_secret(secret)
    }

    /// The key pair of a 32-byte X25519 private key; `None` when it is not
    /// one (wrong length) or its public key is unusable.
    pub fn from_secret_bytes(bytes: &[u8]) -> Option<Self> {
        let secret = <Kem as hpke::Kem>::PrivateKey::from_bytes(bytes).ok()?;
        Self::from_secret(secret)
    }

    fn from_secret(secret: <Kem as hpke::Kem>::PrivateKey) -> Option<Self> {
        let public = Kem::sk_to_pk(&secret);
        let public = ResearchPublicKey::from_bytes(&public.to_bytes())?;
        Some(ResearchKeyPair { secret, public })
    }

    /// The public half, which goes into the tablet setup file.
    pub fn public(&self) -> &ResearchPublicKey {
        &self.public
    }

    /// The public key's fingerprint.
    pub fn fingerprint(&self) -> String {
        self.public.fingerprint()
    }

    /// The private key's 32 bytes, wiped when dropped (only the key file
    /// writer needs them).
    pub(crate) fn secret_bytes(&self) -> Zeroizing<Vec<u8>> {
        Zeroizing::new(self.secret.to_bytes().to_vec())
    }

    /// HPKE single-shot open (RFC 9180 section 6.1, base mode) of what
    /// [`candour_core::seal::seal_bytes`] sealed to this key; `None` when
    /// it does not open (another key, another `info` or `aad`, or a changed
    /// byte).
    pub fn open_bytes(
        &self,
        enc: &[u8],
        info: &[u8],
        aad: &[u8],
        ciphertext: &[u8],
    ) -> Option<Vec<u8>> {
        let enc = <Kem as hpke::Kem>::EncappedKey::from_bytes(enc).ok()?;
        hpke::single_shot_open::<Aead, Kdf, Kem>(
            &OpModeR::Base,
            &self.secret,
            &enc,
            info,
            ciphertext,
            aad,
        )
        .ok()
    }
}

impl std::fmt::Debug for ResearchKeyPair {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the private key.
        write!(f, "ResearchKeyPair({})", self.fingerprint())
    }
}

/// Wipes a plaintext buffer (used after parsing an opened record).
pub(crate) fn wipe(mut bytes: Vec<u8>) {
    bytes.zeroize();
}
