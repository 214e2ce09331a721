# labctl Spark base image: Ubuntu 22.04, OpenJDK 11, Hadoop and Spark unpacked under /opt, python3 for PySpark,
# non-root user spark (uid 185), the labctl entrypoint (roles: master, worker, driver, executor; see entrypoint.sh).
#
#   docker build -t labctl/spark-base:3.5.7 dockerfiles/base          # downloads Spark and Hadoop, checks SHA-512
#   labctl image build                                                # the same, plus master and worker images
#
# Build arguments (all optional):
#   BASE_IMAGE      the OS image; pinned to Ubuntu 22.04. An offline classroom passes a locally loaded image.
#   SPARK_VERSION   3.5.x          HADOOP_VERSION   3.3.x
#   SOURCES         download (default): Spark and Hadoop from APACHE_DIST, verified against SPARK_SHA512 /
#                   HADOOP_SHA512, or, when those are empty, against the .sha512 files Apache publishes next to them;
#                   local: the tarballs are taken from dist/ in the build context (spark-$SPARK_VERSION-bin-hadoop3.tgz,
#                   hadoop-$HADOOP_VERSION.tar.gz), verified against SPARK_SHA512 / HADOOP_SHA512 or the .sha512 files
#                   beside them there. Nothing is downloaded in local mode.
#   OS_PACKAGES     installed with apt-get; set it to "" when BASE_IMAGE already has a Java runtime, python3 and tini
#                   (an offline base), so the build needs no package mirror either.
# Never tag the result `latest`: Kubernetes would then always pull, and a locally loaded image would be ignored.
ARG BASE_IMAGE=ubuntu:22.04

# Stage 1: the OS with a Java runtime, python3, tini and the spark user.
FROM ${BASE_IMAGE} AS os
ARG OS_PACKAGES="openjdk-11-jre-headless python3 tini procps bash ca-certificates curl"
ARG SPARK_UID=185
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
# /opt/java is one JAVA_HOME whatever the architecture (amd64 laptops, arm64 Macs) or the JDK the base carries.
# /etc/passwd is group-writable so the entrypoint can add an entry for a random runAsUser (Java needs one).
RUN if [ -n "${OS_PACKAGES}" ]; then \
      apt-get update \
      && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${OS_PACKAGES} \
      && rm -rf /var/lib/apt/lists/*; \
    fi \
    && ln -sfn "$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")" /opt/java \
    && /opt/java/bin/java -version \
    && command -v python3 \
    && (getent group spark || groupadd --system --gid "${SPARK_UID}" spark) \
    && (getent passwd spark || useradd --system --uid "${SPARK_UID}" --gid spark --home-dir /opt/spark \
          --no-create-home --shell /bin/bash spark) \
    && chmod g+w /etc/passwd

# Stage 2: fetch (or take from dist/), verify and unpack Spark and Hadoop. A stage of its own, so the tarballs
# never end up in a layer of the final image.
FROM os AS unpack
ARG SPARK_VERSION=3.5.7
ARG HADOOP_VERSION=3.3.6
ARG SOURCES=download
ARG APACHE_DIST=https://archive.apache.org/dist
ARG SPARK_SHA512=
ARG HADOOP_SHA512=
ARG SPARK_UID=185
COPY dist/ /tmp/dist/
COPY install-spark.sh /tmp/install-spark.sh
RUN SPARK_VERSION="${SPARK_VERSION}" HADOOP_VERSION="${HADOOP_VERSION}" SOURCES="${SOURCES}" \
      APACHE_DIST="${APACHE_DIST}" SPARK_SHA512="${SPARK_SHA512}" HADOOP_SHA512="${HADOOP_SHA512}" \
      SPARK_UID="${SPARK_UID}" bash /tmp/install-spark.sh

# Stage 3: the image.
FROM os
ARG SPARK_VERSION=3.5.7
ARG HADOOP_VERSION=3.3.6
ARG SPARK_UID=185
COPY --from=unpack /opt/hadoop /opt/hadoop
COPY --from=unpack /opt/spark /opt/spark
COPY entrypoint.sh /opt/entrypoint.sh
COPY discover-devices.sh /opt/spark/bin/discover-devices.sh

ENV JAVA_HOME=/opt/java \
    SPARK_HOME=/opt/spark \
    HADOOP_HOME=/opt/hadoop \
    HADOOP_CONF_DIR=/opt/hadoop/etc/hadoop \
    SPARK_VERSION=${SPARK_VERSION} \
    HADOOP_VERSION=${HADOOP_VERSION} \
    PYSPARK_PYTHON=python3 \
    LANG=C.UTF-8 \
    PATH=/opt/spark/bin:/opt/spark/sbin:/opt/hadoop/bin:/opt/java/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

WORKDIR /opt/spark/work-dir
USER ${SPARK_UID}
EXPOSE 7077 8080 8081
ENTRYPOINT ["/opt/entrypoint.sh"]
CMD ["bash"]
