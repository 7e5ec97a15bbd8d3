namespace FinCloud.Core;
internal static class AssemblyMarker;
