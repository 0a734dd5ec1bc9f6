//! The Mersenne Twister (MT19937) as CPython's `_random` module runs it,
//! seeding included, so a seeded program draws CPython's numbers bit for
//! bit.

use num_bigint::{BigInt, BigUint, Sign};
use num_traits::Zero;

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// The generator's state: 624 words and the index of the next one.
#[derive(Clone)]
pub struct Mt {
    state: [u32; N],
    index: usize,
}

impl Mt {
    /// A generator seeded as `random.seed(n)` seeds it for an int `n`:
    /// its absolute value cut into 32-bit words, least significant first.
    pub fn from_int(n: &BigInt) -> Mt {
        let mut key = n.magnitude().to_u32_digits();
        if key.is_empty() {
            key.push(0);
        }
        Mt::from_key(&key)
    }

    /// A generator seeded from a hash (`random.seed(1.5)` seeds with
    /// `hash(1.5)` taken as an unsigned machine word).
    pub fn from_hash(h: i64) -> Mt {
        Mt::from_int(&BigInt::from(h as u64))
    }

    /// `init_by_array`.
    pub fn from_key(key: &[u32]) -> Mt {
        let mut mt = Mt::from_u32(19_650_218);
        let mt_state = &mut mt.state;
        let (mut i, mut j) = (1usize, 0usize);
        let mut k = N.max(key.len());
        while k > 0 {
            let prev = mt_state[i - 1] ^ (mt_state[i - 1] >> 30);
            mt_state[i] = (mt_state[i] ^ prev.wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt_state[0] = mt_state[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
            k -= 1;
        }
        k = N - 1;
        while k > 0 {
            let prev = mt_state[i - 1] ^ (mt_state[i - 1] >> 30);
            mt_state[i] = (mt_state[i] ^ prev.wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt_state[0] = mt_state[N - 1];
                i = 1;
            }
            k -= 1;
        }
        mt_state[0] = 0x8000_0000;
        mt
    }

    /// `init_genrand`.
    fn from_u32(s: u32) -> Mt {
        let mut state = [0u32; N];
        state[0] = s;
        for i in 1..N {
            state[i] = 1_812_433_253u32
                .wrapping_mul(state[i - 1] ^ (state[i - 1] >> 30))
                .wrapping_add(i as u32);
        }
        Mt { state, index: N }
    }

    /// `genrand_uint32`: the next 32 random bits.
    pub fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            let mag = |y: u32| if y & 1 == 1 { MATRIX_A } else { 0 };
            let s = &mut self.state;
            for kk in 0..N - M {
                let y = (s[kk] & UPPER_MASK) | (s[kk + 1] & LOWER_MASK);
                s[kk] = s[kk + M] ^ (y >> 1) ^ mag(y);
            }
            for kk in N - M..N - 1 {
                let y = (s[kk] & UPPER_MASK) | (s[kk + 1] & LOWER_MASK);
                s[kk] = s[kk + M - N] ^ (y >> 1) ^ mag(y);
            }
            let y = (s[N - 1] & UPPER_MASK) | (s[0] & LOWER_MASK);
            s[N - 1] = s[M - 1] ^ (y >> 1) ^ mag(y);
            self.index = 0;
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// `random()`: a float in [0, 1) from 53 random bits.
    pub fn random(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `getrandbits(k)`: an int of `k` random bits, filled 32 bits at a
    /// time from the least significant end.
    pub fn getrandbits(&mut self, k: u64) -> BigInt {
        if k == 0 {
            return BigInt::zero();
        }
        if k <= 32 {
            return BigInt::from(self.next_u32() >> (32 - k));
        }
        let words = (k - 1) / 32 + 1;
        let mut digits = Vec::with_capacity(words as usize);
        let mut left = k;
        for _ in 0..words {
            let mut r = self.next_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            digits.push(r);
            left = left.saturating_sub(32);
        }
        BigInt::from_biguint(Sign::Plus, BigUint::new(digits))
    }

    /// `getrandbits(k)` for `k <= 64`.
    pub fn bits_u64(&mut self, k: u32) -> u64 {
        match k {
            0 => 0,
            1..=32 => (self.next_u32() >> (32 - k)) as u64,
            _ => {
                let low = self.next_u32() as u64;
                let high = (self.next_u32() >> (64 - k)) as u64;
                low | (high << 32)
            }
        }
    }

    /// `_randbelow_with_getrandbits(n)` for `n > 0`: draws `n.bit_length()`
    /// bits until the number is below `n`.
    pub fn below(&mut self, n: u64) -> u64 {
        let k = 64 - n.leading_zeros();
        loop {
            let r = self.bits_u64(k);
            if r < n {
                return r;
            }
        }
    }

    /// [`Mt::below`] for a bound of any size.
    pub fn below_big(&mut self, n: &BigInt) -> BigInt {
        let k = n.bits();
        loop {
            let r = self.getrandbits(k);
            if &r < n {
                return r;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `random.seed(42); [random.getrandbits(32) for _ in range(3)]` and
    /// `random.random()` after them, as CPython 3.11 prints them.
    #[test]
    fn seeded_draws_match_cpython() {
        let mut mt = Mt::from_int(&BigInt::from(42));
        let words: Vec<u32> = (0..3).map(|_| mt.next_u32()).collect();
        assert_eq!(words, [2_746_317_213, 478_163_327, 107_420_369]);
        let mut mt = Mt::from_int(&BigInt::from(42));
        assert_eq!(mt.random(), 0.6394267984578837);
    }

    #[test]
    fn negative_seeds_use_the_absolute_value() {
        let a = Mt::from_int(&BigInt::from(-5)).random();
        let b = Mt::from_int(&BigInt::from(5)).random();
        assert_eq!(a, b);
    }
}
