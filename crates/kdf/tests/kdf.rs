//! The derivation and the worker's messages.

use argon2::{Algorithm, Argon2, AssociatedData, ParamsBuilder, Version};
use candour_kdf::{answer, derive_key, read_reply, reply_bytes, KdfCost, KdfError, KdfRequest};

const SMALL: KdfCost = KdfCost {
    memory_kib: 64,
    iterations: 1,
    parallelism: 1,
};

#[test]
fn the_argon2_build_gives_rfc_9106_section_5_3() {
    let params = ParamsBuilder::new()
        .m_cost(32)
        .t_cost(3)
        .p_cost(4)
        .output_len(32)
        .data(AssociatedData::new(&[4; 12]).expect("12 bytes of data"))
        .build()
        .expect("the RFC's parameters");
    let argon = Argon2::new_with_secret(&[3; 8], Algorithm::Argon2id, Version::V0x13, params)
        .expect("an 8-byte secret");
    let mut tag = [0u8; 32];
    argon
        .hash_password_into(&[1; 32], &[2; 16], &mut tag)
        .expect("derives");
    let expected = "0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659";
    let hex: String = tag.iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(hex, expected);
}

#[test]
fn the_derivation_is_argon2id_version_1_3_with_a_32_byte_key() {
    let key = derive_key(b"correct horse battery", b"sixteen byte salt", SMALL).expect("derives");
    let params = argon2::Params::new(64, 1, 1, Some(32)).expect("params");
    let mut expected = [0u8; 32];
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(
            b"correct horse battery",
            b"sixteen byte salt",
            &mut expected,
        )
        .expect("derives");
    assert_eq!(*key, expected);
    let other = derive_key(b"correct horse batterz", b"sixteen byte salt", SMALL).expect("derives");
    assert_ne!(*key, *other);
}

#[test]
fn unusable_settings_are_refused_not_derived() {
    let too_little = KdfCost {
        memory_kib: 1,
        ..SMALL
    };
    assert!(matches!(
        derive_key(b"passphrase", b"sixteen byte salt", too_little),
        Err(KdfError::UnusableSettings(_))
    ));
    assert!(matches!(
        derive_key(b"passphrase", b"salt", SMALL),
        Err(KdfError::UnusableSettings(_)) | Err(KdfError::Failed(_))
    ));
}

#[test]
fn a_request_goes_to_the_worker_and_back_unchanged() {
    let request = KdfRequest::new("ünïcode passphrase", &[9; 16], KdfCost::RECOMMENDED);
    let bytes = request.to_bytes();
    assert_eq!(KdfRequest::from_bytes(&bytes), Ok(request.clone()));
    let empty = KdfRequest::new("", &[], SMALL);
    assert_eq!(KdfRequest::from_bytes(&empty.to_bytes()), Ok(empty));
}

#[test]
fn the_worker_answers_with_the_same_key_as_here() {
    let request = KdfRequest::new("a passphrase of words", &[7; 16], SMALL);
    let here = request.derive().expect("derives");
    let there = read_reply(&answer(&request.to_bytes())).expect("a key");
    assert_eq!(*here, *there);
}

#[test]
fn garbled_or_short_requests_and_replies_are_refused() {
    let good = KdfRequest::new("pass", &[7; 16], SMALL).to_bytes();
    for cut in 0..17 {
        assert_eq!(KdfRequest::from_bytes(&good[..cut]), Err(KdfError::Garbled));
    }
    let mut other_tag = good.to_vec();
    other_tag[0] = 0;
    assert_eq!(KdfRequest::from_bytes(&other_tag), Err(KdfError::Garbled));
    let mut long_salt = good.to_vec();
    long_salt[13..17].copy_from_slice(&u32::MAX.to_le_bytes());
    assert_eq!(KdfRequest::from_bytes(&long_salt), Err(KdfError::Garbled));
    assert_eq!(
        read_reply(&answer(b"not a request")),
        Err(KdfError::Garbled)
    );
    for reply in [&b""[..], &[0u8; 5][..], &[0u8; 34][..], &[9u8, 1, 2][..]] {
        assert_eq!(read_reply(reply), Err(KdfError::Garbled));
    }
}

#[test]
fn errors_come_back_with_their_detail() {
    for error in [
        KdfError::UnusableSettings("memory cost is too small".into()),
        KdfError::Failed("out of memory".into()),
    ] {
        assert_eq!(read_reply(&reply_bytes(&Err(error.clone()))), Err(error));
    }
    let too_little = KdfRequest::new(
        "pass",
        &[7; 16],
        KdfCost {
            memory_kib: 1,
            ..SMALL
        },
    );
    assert!(matches!(
        read_reply(&answer(&too_little.to_bytes())),
        Err(KdfError::UnusableSettings(_))
    ));
}

#[test]
fn a_hostile_cost_is_seen_before_deriving() {
    assert!(!KdfCost::RECOMMENDED.too_costly());
    for cost in [
        KdfCost {
            memory_kib: KdfCost::MAX_MEMORY_KIB + 1,
            ..SMALL
        },
        KdfCost {
            iterations: KdfCost::MAX_ITERATIONS + 1,
            ..SMALL
        },
    ] {
        assert!(cost.too_costly());
    }
}

#[test]
fn a_request_never_prints_its_passphrase() {
    let request = KdfRequest::new("a secret passphrase", &[7; 16], SMALL);
    let shown = format!("{request:?}");
    assert!(!shown.contains("secret"), "{shown}");
    assert!(
        !shown.contains(&format!("{:?}", b"a secret passphrase".to_vec())),
        "{shown}"
    );
}
