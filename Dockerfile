# The dask-operator image: `bash scripts/build-image.sh` (docker or podman), or
#   docker build -t ghcr.io/parallel-tools/dask-operator:0.1.0 .
# Stage 1 publishes the Native AOT executable with scripts/publish-operator.sh, the one place its publish settings
# live (the end-to-end tests and the footprint benchmark run the same script's output); linking it needs clang, and
# Native AOT does not cross-compile, so each platform's build stage runs on that platform (buildx/QEMU do so).
# Stage 2 is Ubuntu chiseled runtime-deps: glibc, OpenSSL, CA certificates and tzdata, no shell and no package
# manager, a non-root user.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update && apt-get install -y --no-install-recommends clang && rm -rf /var/lib/apt/lists/*
# Set by BuildKit (docker buildx, podman) for the platform being built; without it the build machine's own.
ARG TARGETARCH
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY scripts/publish-operator.sh scripts/
COPY src/ src/
RUN bash scripts/publish-operator.sh /out ${TARGETARCH}

FROM mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled
COPY --from=build /out/dask-operator /app/dask-operator
# No diagnostics IPC socket: with a read-only root file system there is no writable /tmp for it.
ENV DOTNET_EnableDiagnostics=0
# The chiseled image's `app` user, by number so that runAsNonRoot can verify it.
USER 1654
EXPOSE 8080
ENTRYPOINT ["/app/dask-operator"]
CMD ["run", "--all-namespaces"]
