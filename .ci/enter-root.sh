#!/usr/bin/env bash
# Run by .ci/run as the first process of a private mount and PID namespace: gives the fresh root
# file system the kernel file systems a booted machine has (its own /dev, /dev/pts, /dev/shm,
# /sys; /proc is already this namespace's), shows shared/ read-only beside the clone as
# ../shared, makes it the namespace's root and runs the README path in it.
set -euo pipefail
root=$1 shared=$2
shift 2
# pivot_root needs the new root to be a mount point; --rbind keeps the /proc mounted below it.
mount --rbind "$root" "$root"
mount -t sysfs -o ro sysfs "$root/sys"
mount -t tmpfs -o mode=755,size=64m tmpfs "$root/dev"
for node in null zero full random urandom tty; do
  touch "$root/dev/$node"
  mount --bind "/dev/$node" "$root/dev/$node"
done
mkdir -p "$root/dev/pts" "$root/dev/shm"
mount -t devpts -o newinstance,ptmxmode=0666,mode=0620 devpts "$root/dev/pts"
ln -s pts/ptmx "$root/dev/ptmx"
mount -t tmpfs -o mode=1777 tmpfs "$root/dev/shm"
ln -s /proc/self/fd "$root/dev/fd"
ln -s /proc/self/fd/0 "$root/dev/stdin"
ln -s /proc/self/fd/1 "$root/dev/stdout"
ln -s /proc/self/fd/2 "$root/dev/stderr"
mount --bind "$shared" "$root/work/shared"
mount -o remount,bind,ro "$root/work/shared"
# pivot_root, not chroot: the kernel refuses new user namespaces to a chrooted process, and the
# tests make them (unshare -r) as a machine's root may.
mkdir -p "$root/.host"
cd "$root"
pivot_root . .host
umount -l /.host
rmdir /.host
exec /usr/bin/env -i "$@" bash /work/main/.ci/readme-path.sh
