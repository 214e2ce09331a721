package io.labctl.spark.nativemode;

import io.labctl.core.LabctlException;

/**
 * Devices per executor, as Spark asks for them: {@code spark.executor.resource.<name>.amount} with vendor
 * {@code <domain>}, which Spark turns into the container limit {@code <domain>/<name>}. {@code --gpu-vendor} takes the
 * domain alone (nvidia.com, name "gpu") or the whole resource (labctl.io/vgpu).
 */
public record DeviceRequest(int amount, String domain, String name) {
    public static DeviceRequest parse(int amount, String vendor) {
        if (amount < 1 || amount > 16) {
            throw LabctlException.usage("--gpus " + amount + " is out of range (1..16 per executor)", "e.g. --gpus 1");
        }
        if (vendor == null || vendor.isBlank()) {
            throw LabctlException.usage("--gpus needs --gpu-vendor (Spark on Kubernetes requires the vendor)",
                    "e.g. --gpu-vendor nvidia.com, or --gpu-vendor labctl.io/vgpu for labctl's virtual devices");
        }
        String domain = vendor.contains("/") ? vendor.substring(0, vendor.indexOf('/')) : vendor;
        String name = vendor.contains("/") ? vendor.substring(vendor.indexOf('/') + 1) : "gpu";
        if (!domain.matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?\\.[a-z]{2,}") || !name.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?")) {
            throw LabctlException.usage("--gpu-vendor '" + vendor + "' is not a vendor domain (or domain/name)",
                    "e.g. nvidia.com or labctl.io/vgpu");
        }
        return new DeviceRequest(amount, domain, name);
    }

    /** The extended resource the executor pods will request. */
    public String resource() {
        return domain + "/" + name;
    }
}
