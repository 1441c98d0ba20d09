// Sizes of what a run keeps in blob storage, listed through the Blob service API with Azure's own client (the same
// lines as storage_sizes.py prints from Azurite's database files, for an emulator that keeps no files:
// --azurite-in-memory). Blob bytes and counts per container and folder, optionally per customer.
// Usage: node blob_sizes.mjs CONNECTION_STRING [CUSTOMERS]
import { BlobServiceClient } from "@azure/storage-blob";

const [connection, customersArg] = process.argv.slice(2);
if (!connection) {
  console.error("usage: node blob_sizes.mjs CONNECTION_STRING [CUSTOMERS]");
  process.exit(2);
}
const customers = Number(customersArg ?? 0);
const service = BlobServiceClient.fromConnectionString(connection);
const sizes = new Map();
for await (const container of service.listContainers()) {
  for await (const blob of service.getContainerClient(container.name).listBlobsFlat()) {
    // The folder, at most four levels, with partition values folded (bucket=0007 -> bucket=*): the state's per-bucket
    // files and index partitions then sum to one line each.
    const folders = blob.name.split("/").slice(0, -1).slice(0, 4).map((part) => part.replace(/=\d+$/, "=*"));
    const key = `${container.name}/${folders.length === 0 ? "(top)" : folders.join("/")}`;
    const entry = sizes.get(key) ?? { count: 0, bytes: 0 };
    entry.count += 1;
    entry.bytes += blob.properties.contentLength ?? 0;
    sizes.set(key, entry);
  }
}
for (const [key, { count, bytes }] of [...sizes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
  if (bytes > 0) {
    const perCustomer = customers > 0 ? `, ${Math.round(bytes / customers).toLocaleString("en-US")} bytes per customer` : "";
    console.log(`  blob ${key}: ${count} blobs, ${bytes.toLocaleString("en-US")} bytes${perCustomer}`);
  }
}
