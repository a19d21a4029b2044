"""The dashboard (Tổng quan, `/`): one page over the tasks and indicators domains."""
