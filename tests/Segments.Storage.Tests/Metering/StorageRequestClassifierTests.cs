using Segments.Core.Cost;
using Segments.Storage.Metering;

namespace Segments.Storage.Tests.Metering;

public class StorageRequestClassifierTests
{
    [Theory]
    // Listings, and Create Container, which general purpose v2 bills as "list and create container".
    [InlineData("GET", "/devstoreaccount1/normalized", "?restype=container&comp=list", RequestKind.List)]
    [InlineData("GET", "/", "?comp=list", RequestKind.List)]
    [InlineData("PUT", "/transactions", "?restype=container", RequestKind.List)]
    // Get Blob, also each ranged GET of a streamed download.
    [InlineData("GET", "/normalized/batch.csv.gz", "", RequestKind.Read)]
    // Put Blob, Put Block, Put Block List.
    [InlineData("PUT", "/normalized/batch.csv.gz", "", RequestKind.Write)]
    [InlineData("PUT", "/normalized/batch.csv.gz", "?comp=block&blockid=AAAA", RequestKind.Write)]
    [InlineData("PUT", "/normalized/batch.csv.gz", "?comp=blocklist", RequestKind.Write)]
    // Delete Blob and Delete Container (free).
    [InlineData("DELETE", "/normalized/batch.csv.gz", "", RequestKind.Delete)]
    [InlineData("DELETE", "/transactions", "?restype=container", RequestKind.Delete)]
    // Get Blob Properties, leases, metadata, container properties, Get Block List: "other".
    [InlineData("HEAD", "/transactions/orders.csv", "", RequestKind.Other)]
    [InlineData("PUT", "/azure-webjobs-hosts/locks/x", "?comp=lease", RequestKind.Other)]
    [InlineData("PUT", "/config/x", "?comp=metadata", RequestKind.Other)]
    [InlineData("GET", "/transactions", "?restype=container", RequestKind.Other)]
    [InlineData("GET", "/normalized/batch.csv.gz", "?comp=blocklist", RequestKind.Other)]
    [InlineData("DELETE", "/normalized/batch.csv.gz", "?comp=immutabilityPolicies", RequestKind.Other)]
    public void Blob_requests_get_the_category_general_purpose_v2_bills_them_as(string method, string path, string query, RequestKind expected)
    {
        Assert.Equal(expected, StorageRequestClassifier.Classify(StorageService.Blob, method, path, query));
    }

    [Theory]
    [InlineData("GET", "/devstoreaccount1/Runs(PartitionKey='run',RowKey='20261123T120000Z')", "", RequestKind.Read)]
    [InlineData("GET", "/Runs()", "?$filter=PartitionKey%20eq%20'run'", RequestKind.List)]
    [InlineData("GET", "/Tables", "", RequestKind.List)]
    [InlineData("POST", "/Tables", "", RequestKind.Write)]
    [InlineData("POST", "/devstoreaccount1/$batch", "", RequestKind.Write)]
    [InlineData("PUT", "/Runs(PartitionKey='pointer',RowKey='active')", "", RequestKind.Write)]
    [InlineData("PATCH", "/Batches(PartitionKey='batch',RowKey='x')", "", RequestKind.Write)]
    [InlineData("MERGE", "/Batches(PartitionKey='batch',RowKey='x')", "", RequestKind.Write)]
    [InlineData("POST", "/Batches", "", RequestKind.Write)]
    [InlineData("DELETE", "/Tables('Rfm20261123T120000Z')", "", RequestKind.Delete)]
    [InlineData("DELETE", "/Batches(PartitionKey='batch',RowKey='x')", "", RequestKind.Delete)]
    [InlineData("GET", "/Runs", "?comp=acl", RequestKind.Other)]
    public void Table_requests_are_sorted_by_what_they_do(string method, string path, string query, RequestKind expected)
    {
        Assert.Equal(expected, StorageRequestClassifier.Classify(StorageService.Table, method, path, query));
    }

    [Theory]
    [InlineData("GET", "/recompute-requests/messages", "?numofmessages=1&visibilitytimeout=600", RequestKind.Read)]
    [InlineData("GET", "/recompute-requests/messages", "?peekonly=true", RequestKind.Read)]
    [InlineData("POST", "/recompute-requests/messages", "", RequestKind.Write)]
    [InlineData("PUT", "/recompute-requests", "", RequestKind.Write)]
    [InlineData("DELETE", "/recompute-requests/messages/3b1c", "?popreceipt=AAAA", RequestKind.Delete)]
    [InlineData("GET", "/", "?comp=list", RequestKind.List)]
    [InlineData("GET", "/recompute-requests", "?comp=metadata", RequestKind.Other)]
    public void Queue_requests_are_sorted_by_what_they_do(string method, string path, string query, RequestKind expected)
    {
        Assert.Equal(expected, StorageRequestClassifier.Classify(StorageService.Queue, method, path, query));
    }
}
