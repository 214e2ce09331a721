#!/usr/bin/env bash
# Installs Spark and Hadoop under /opt inside the image build (see Dockerfile for the arguments).
# Every tarball is verified with SHA-512 before it is unpacked; a mismatch stops the build with one line.
set -euo pipefail

spark_tgz="spark-${SPARK_VERSION}-bin-hadoop3.tgz"
hadoop_tgz="hadoop-${HADOOP_VERSION}.tar.gz"

die() { echo "install-spark: error: $*" >&2; exit 1; }

# fetch NAME URL: puts NAME into /tmp/dist (downloading it, and Apache's .sha512, in download mode).
fetch() {
  local name="$1" url="$2"
  if [ "$SOURCES" = local ]; then
    [ -f "/tmp/dist/$name" ] || die "SOURCES=local but dist/$name is not in the build context; put it there" \
      "(labctl image build --spark-tgz/--hadoop-tgz does) or build with SOURCES=download"
    return
  fi
  [ "$SOURCES" = download ] || die "SOURCES must be 'download' or 'local', not '$SOURCES'"
  echo "downloading $url"
  curl -fsSL --retry 3 -o "/tmp/dist/$name" "$url" || die "cannot download $url (offline? build with SOURCES=local)"
  [ -f "/tmp/dist/$name.sha512" ] || curl -fsSL --retry 3 -o "/tmp/dist/$name.sha512" "$url.sha512" || true
}

# verify NAME PINNED: the pinned SHA-512, or else the .sha512 file beside the tarball (Apache's formats:
# "HASH  NAME", "HASH *NAME" or gpg's "NAME: HA SH ..."). No checksum at all is an error, not a warning.
verify() {
  local name="$1" expected="$2" actual
  if [ -z "$expected" ] && [ -f "/tmp/dist/$name.sha512" ]; then
    expected=$(sed -e "s/^.*$name://" -e "s/[ *]*$name\$//" "/tmp/dist/$name.sha512" | tr -d ' \n\t' | tr 'A-F' 'a-f')
  fi
  [ -n "$expected" ] || die "no SHA-512 for $name: pass it as a build argument or put $name.sha512 beside it"
  actual=$(sha512sum "/tmp/dist/$name" | cut -d' ' -f1)
  [ "$actual" = "$expected" ] || die "$name has SHA-512 $actual, expected $expected; the download is damaged or not the release"
  echo "verified $name (sha512 ${actual:0:16}...)"
}

mkdir -p /tmp/dist
fetch "$spark_tgz" "$APACHE_DIST/spark/spark-$SPARK_VERSION/$spark_tgz"
fetch "$hadoop_tgz" "$APACHE_DIST/hadoop/common/hadoop-$HADOOP_VERSION/$hadoop_tgz"
verify "$spark_tgz" "$SPARK_SHA512"
verify "$hadoop_tgz" "$HADOOP_SHA512"

mkdir -p /opt/spark /opt/hadoop
tar -xzf "/tmp/dist/$spark_tgz" -C /opt/spark --strip-components=1 --no-same-owner
# Hadoop's docs and the sources of its jars are half the tarball and nothing here reads them.
tar -xzf "/tmp/dist/$hadoop_tgz" -C /opt/hadoop --strip-components=1 --no-same-owner \
  --exclude='*/share/doc' --exclude='*-sources.jar'
[ -x /opt/spark/bin/spark-submit ] || die "$spark_tgz does not look like a Spark distribution (no bin/spark-submit)"
[ -d /opt/hadoop/share/hadoop ] || die "$hadoop_tgz does not look like a Hadoop distribution (no share/hadoop)"

# labctl runs SparkPi from a version-free path (see JobRequest.EXAMPLES_JAR).
examples=$(ls /opt/spark/examples/jars/spark-examples_*.jar 2>/dev/null | head -1 || true)
[ -n "$examples" ] || die "$spark_tgz has no examples/jars/spark-examples_*.jar"
ln -sfn "$(basename "$examples")" /opt/spark/examples/jars/spark-examples.jar
rm -f /opt/spark/bin/*.cmd /opt/hadoop/bin/*.cmd /opt/hadoop/sbin/*.cmd

# The non-root user writes only here: the worker's work directory and the job's scratch space.
mkdir -p /opt/spark/work-dir /opt/hadoop/etc/hadoop
chown -R "$SPARK_UID:$SPARK_UID" /opt/spark/work-dir
chmod 0775 /opt/spark/work-dir
