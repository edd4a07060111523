//! Process set-up that depends on the platform.

/// Keeps glibc's allocator from returning memory to the system and taking it back again.
///
/// By default glibc serves blocks above a *dynamic* threshold (from 128 KiB) with their own
/// `mmap` and gives the top of each heap back once 128 KiB are free there. An archive run
/// allocates and frees such blocks (articles, claim vectors) on every core all the time, so
/// the kernel spent its time mapping, zeroing and unmapping pages: at 500 MB this cost a
/// third of the wall time (20.6 s against 13.2 s with the thresholds fixed). Fixed
/// thresholds keep those blocks in the heap; peak memory did not grow.
pub fn tune_allocator() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        const MMAP_THRESHOLD: libc::c_int = 32 << 20;
        const TRIM_THRESHOLD: libc::c_int = 256 << 20;
        // SAFETY: mallopt only sets allocator parameters; it is called before any thread
        // is started, and its result (0 when a value is refused) needs no handling: the
        // defaults stay, which is only slower.
        unsafe {
            libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD);
            libc::mallopt(libc::M_TRIM_THRESHOLD, TRIM_THRESHOLD);
        }
    }
}
