pub const WORKLOADS: &[crate::Workload] = &[];
