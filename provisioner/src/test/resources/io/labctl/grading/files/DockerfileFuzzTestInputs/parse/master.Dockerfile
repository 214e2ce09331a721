# Spark standalone master: the base image started in the "master" role (RPC 7077, web UI 8080).
# Built FROM the base so both always carry the same Spark; labctl image build passes BASE_IMAGE with the same tag.
ARG BASE_IMAGE=labctl/spark-base:3.5.7
FROM ${BASE_IMAGE}
EXPOSE 7077 8080
CMD ["master"]
