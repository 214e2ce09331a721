# Spark standalone worker: the base image started in the "worker" role (web UI 8081). The master's URL comes from
# SPARK_MASTER_URL (the Deployment sets it to the master Service) or from the first argument.
ARG BASE_IMAGE=labctl/spark-base:3.5.7
FROM ${BASE_IMAGE}
EXPOSE 8081
CMD ["worker"]
